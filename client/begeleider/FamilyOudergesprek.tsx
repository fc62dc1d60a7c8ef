import { useEffect, useState } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { FamilyPrepOut } from '../../dialogs/contract/method'
import { PARENT_ROLES, type ParentRole } from '../../dialogs/contract/parents'
import { api, ApiError } from '../net/api'
import { ThemedList } from './PrepLists'
import { linkProps } from './router'
import { useWorkspaceT, withToolLabels } from './words'

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * The siblings' oudergesprek preparation (one weekly talk per family in practice): one page, each child's
 * parent-shareable items in a section of its own, a child for whom this parent is the other parent left
 * out with the reason, and "broertjes en zusjes" as a topic of its own.
 */
export function FamilyOudergesprek({ familyId, go }: { familyId: string; go: (path: string) => void }) {
  const { t } = useWorkspaceT()
  const [data, setData] = useState<FamilyPrepOut | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  /** null: the server's default parent and period (since the last oudergesprek). */
  const [withParent, setWith] = useState<ParentRole | null>(null)
  const [since, setSince] = useState<string | null>(null)
  const [recorded, setRecorded] = useState<number | null>(null)
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.code : 'internal')

  useEffect(() => {
    const q = new URLSearchParams({ since: since ?? 'auto', ...(withParent ? { with: withParent } : {}) })
    api<FamilyPrepOut>(`/api/method/families/${familyId}/oudergesprek?${q}`).then(
      (d) => setData(withToolLabels(d)),
      fail,
    )
  }, [familyId, since, withParent])

  if (error) return <p className="form-error">{t(`errors:${error}`)}</p>
  if (!data) return <p className="muted">{t('common:loading')}</p>
  const shownSince = since ?? data.since?.slice(0, 10) ?? ''
  const included = data.children.filter((c) => c.included)

  return (
    <div className="prep prep--family">
      <a className="btn btn--quiet no-print" {...linkProps(go, '/begeleider')}>
        <span className="dir-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {t('common:begeleider.back')}
      </a>
      <header className="prep__head">
        <h1>{t('workspace:method.family.title', { label: data.family.label })}</h1>
        <button type="button" className="btn btn--primary no-print" onClick={() => window.print()}>
          {t('workspace:method.family.print')}
        </button>
      </header>
      <p className="muted">{t('workspace:method.family.intro')}</p>
      <div className="prep-since no-print">
        <label>
          {t('workspace:method.family.with')}
          <select
            value={data.with ?? ''}
            data-testid="family-with"
            onChange={(e) => setWith((e.target.value || null) as ParentRole | null)}
          >
            {data.with === null && <option value="">{t('workspace:method.family.withUnknown')}</option>}
            {PARENT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`workspace:parents.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('workspace:prep.since')}
          <input type="date" value={shownSince} max={day(Date.now())} onChange={(e) => setSince(e.target.value)} />
        </label>
        <span className="muted">{t('workspace:prep.sinceHint')}</span>
      </div>
      {data.children.map((c) =>
        c.included ? (
          <section key={c.child.id} className="panel family-child" data-testid="family-child">
            <h2>
              {c.child.nickname} <span className="muted">{t(`common:begeleider.ageBands.${c.child.ageBand}`)}</span>
            </h2>
            <div className="prep__lists">
              <div className="prep-list prep-list--zelf">
                <h3>{t('workspace:prep.zelf')}</h3>
                <ThemedList items={c.zelfVertellen} />
              </div>
              <div className="prep-list prep-list--jij">
                <h3>{t('workspace:prep.jij')}</h3>
                <ThemedList items={c.begeleiderVertelt} />
              </div>
            </div>
            {c.observatie.length > 0 && (
              <div className="prep-list">
                <h3>{t('workspace:prep.observatie')}</h3>
                <ThemedList items={c.observatie} />
              </div>
            )}
          </section>
        ) : (
          <p key={c.child.id} className="method-note" data-testid="family-left-out">
            {t(`workspace:method.family.leftOut.${c.leftOut}`, { name: c.child.nickname })}
            {/* For this child the parent of the talk is the other parent: its own, separate preparation. */}
            {c.leftOut === 'andere-ouder' && data.with && (
              <>
                {' '}
                <a
                  className="no-print"
                  data-testid="family-other-prep"
                  {...linkProps(go, `/begeleider/kind/${c.child.id}/oudergesprek?ouder=${data.with}`)}
                >
                  {t('workspace:parents.prepareOther', { role: t(`workspace:parents.role.${data.with}`) })}
                </a>
              </>
            )}
          </p>
        ),
      )}
      <section className="panel" data-testid="siblings-topic">
        <h2>{t('workspace:method.family.siblings')}</h2>
        <ul className="method-points">
          {t('workspace:method.family.siblingsPoints')
            .split('\n')
            .map((line) => (
              <li key={line}>{line}</li>
            ))}
        </ul>
      </section>
      <div className="inline-form no-print">
        <button
          type="button"
          className="btn btn--soft"
          disabled={included.length === 0}
          onClick={() =>
            void api<{ recorded: number }>(`/api/method/families/${familyId}/oudergesprekken`, {
              body: { heldOn: day(Date.now()), with: data.with },
            }).then((r) => setRecorded(r.recorded), fail)
          }
        >
          {t('workspace:method.family.record')}
        </button>
        {recorded !== null && (
          <span className="badge">{t('workspace:method.family.recorded', { count: recorded })}</span>
        )}
      </div>
    </div>
  )
}
