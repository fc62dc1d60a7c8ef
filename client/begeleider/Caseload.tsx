import { useCallback, useEffect, useState } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { AgeBand } from '../../dialogs/contract/ids'
import { Fase, Living, type CadenceItem, type CaseloadChild, type CaseloadOut } from '../../dialogs/contract/workspace'
import { ApiError } from '../net/api'
import { apiClient } from '../net/api-client'
import { RowSignal, useCaseloadSignals, type RowSignals } from './Signals'
import { AgeBandField, LivingField, PhaseField } from './ChildFields'
import { linkProps } from './router'
import { formatDay, useWorkspaceT } from './words'

/** The caseload: siblings together, each child one dense row with phase, living situation and reminders. */
export function Caseload({ go, team }: { go: (path: string) => void; team: string }) {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<CaseloadOut | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  const load = useCallback(() => {
    apiClient.workspace.caseload().then(setData, (e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'))
  }, [])
  useEffect(load, [load])
  const signals = useCaseloadSignals()
  const kamerNew = useKamerNew()
  const all = data?.families.flatMap((f) => f.children) ?? []
  const count = (s: CadenceItem['status']) =>
    all.filter((c) => Object.values(c.cadence).some((item) => item.status === s)).length

  return (
    <div className="caseload">
      <section className="panel">
        <header className="panel__head">
          <h1>{t('workspace:caseload.title')}</h1>
          <span className="muted">{t('workspace:caseload.subtitle', { team })}</span>
          {data && all.length > 0 && (
            <span className="muted caseload__sum">
              {t('workspace:caseload.summary', { due: count('due'), overdue: count('overdue') })}
            </span>
          )}
        </header>
        {data && all.length === 0 && <p className="muted">{t('workspace:caseload.empty')}</p>}
        {data?.families.map((f, i) => (
          <div key={f.id ?? `alone-${i}`} className={f.id ? 'family' : 'family family--alone'}>
            {f.label && (
              <div className="family__head">
                <h2 className="family__label">{f.label}</h2>
                {f.id && f.children.length > 1 && (
                  <a className="btn btn--soft btn--small" {...linkProps(go, `/begeleider/gezin/${f.id}/oudergesprek`)}>
                    {t('workspace:method.family.prepare')}
                  </a>
                )}
              </div>
            )}
            <ul className="child-rows">
              {f.children.map((c) => (
                <ChildRow
                  key={c.id}
                  child={c}
                  go={go}
                  lng={i18n.language}
                  signals={signals[c.id]}
                  kamerNew={kamerNew[c.id] ?? 0}
                />
              ))}
            </ul>
          </div>
        ))}
        {error && <p className="form-error">{t(`errors:${error}`)}</p>}
        <p className="muted cadence-hint">{t('workspace:cadence.hint')}</p>
      </section>
      <AddChild families={data?.familyOptions ?? []} onAdded={load} />
    </div>
  )
}

function ChildRow({
  child: c,
  go,
  lng,
  signals,
  kamerNew,
}: {
  child: CaseloadChild
  go: (path: string) => void
  lng: string
  signals: RowSignals | undefined
  /** Answers the jongere shared in the kamer since this begeleider last looked. */
  kamerNew: number
}) {
  const { t } = useWorkspaceT()
  return (
    <li className="child-row" data-testid="child-row">
      <a className="child-row__name" {...linkProps(go, `/begeleider/kind/${c.id}`)}>
        {c.nickname}
      </a>
      <span className="child-row__facts">
        <span>{t(`common:begeleider.ageBands.${c.ageBand}`)}</span>
        <span>{t(`workspace:phase.${c.phase}`)}</span>
        <span>{t(`workspace:living.${c.living}`)}</span>
        {!c.mine && <span className="muted">{t('workspace:caseload.of', { name: c.begeleider })}</span>}
        <span className="child-row__last">
          {c.cadence.gesprek.lastAt
            ? t('screens:caseload.lastContact', { date: formatDay(c.cadence.gesprek.lastAt, lng) })
            : t('screens:caseload.noContact')}
        </span>
        {kamerNew > 0 && (
          <span className="child-row__kamer" data-testid="kamer-new">
            {t('workspace:caseload.kamerNew', { count: kamerNew })}
          </span>
        )}
      </span>
      <span className="child-row__cadence">
        <CadenceBadge
          label={t(c.ageBand === '0-4' ? 'workspace:cadence.gesprek04' : 'workspace:cadence.gesprek')}
          item={c.cadence.gesprek}
          lng={lng}
        />
        <CadenceBadge label={t('workspace:cadence.oudergesprek')} item={c.cadence.oudergesprek} lng={lng} />
        <CadenceBadge label={t('workspace:cadence.evaluatie')} item={c.cadence.evaluatie} lng={lng} />
        {c.cadence.fase1.status !== 'ok' && (
          <CadenceBadge label={t('workspace:cadence.fase1')} item={c.cadence.fase1} lng={lng} />
        )}
      </span>
      {c.openTasks > 0 && (
        <span className="task-badge" data-testid="task-badge">
          {t('workspace:tasks.badge', { count: c.openTasks })}
        </span>
      )}
      <RowSignal signals={signals} />
    </li>
  )
}

/** Per child, how many kamer answers are new for this begeleider (the same list as the corner notice). */
function useKamerNew(): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({})
  useEffect(() => {
    let live = true
    apiClient.kamer.notices().then(
      (list) => live && setCounts(Object.fromEntries(list.map((n) => [n.childId, n.count]))),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return counts
}

/** A reminder, never an alarm: soft colour plus words, and the date it is about. */
export function CadenceBadge({ label, item, lng }: { label: string; item: CadenceItem; lng: string }) {
  const { t } = useWorkspaceT()
  return (
    <span
      className={`cadence cadence--${item.status}`}
      title={
        item.lastAt ? t('workspace:cadence.last', { date: formatDay(item.lastAt, lng) }) : t('workspace:cadence.never')
      }
    >
      <span className="cadence__label">{label}</span> <strong>{t(`workspace:cadence.status.${item.status}`)}</strong>
      {item.status !== 'ok' && (
        <span className="cadence__date"> · {t('workspace:cadence.dueOn', { date: formatDay(item.dueAt, lng) })}</span>
      )}
    </span>
  )
}

function AddChild({ families, onAdded }: { families: { id: string; label: string }[]; onAdded: () => void }) {
  const { t } = useWorkspaceT()
  const [nickname, setNickname] = useState('')
  const [ageBand, setAgeBand] = useState<AgeBand>('8-12')
  const [phase, setPhase] = useState<Fase>(1)
  const [living, setLiving] = useState<Living>('residentieel')
  const [family, setFamily] = useState<string>('')
  const [newFamily, setNewFamily] = useState('')
  const [error, setError] = useState<ErrorCode | null>(null)
  return (
    <section className="panel">
      <h2>{t('workspace:caseload.add')}</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          setError(null)
          const body = {
            nickname,
            ageBand,
            phase,
            living,
            ...(family === 'new' ? { newFamily } : family ? { familyId: family } : {}),
          }
          apiClient.workspace.newChild(body).then(
            () => {
              setNickname('')
              setNewFamily('')
              onAdded()
            },
            (err: unknown) => setError(err instanceof ApiError ? err.code : 'internal'),
          )
        }}
      >
        <label>
          {t('common:begeleider.nickname')}
          <input
            name="nickname"
            value={nickname}
            maxLength={30}
            onChange={(e) => setNickname(e.target.value)}
            required
          />
          <small className="muted">{t('common:begeleider.nicknameHint')}</small>
        </label>
        <AgeBandField value={ageBand} onChange={setAgeBand} />
        <PhaseField value={phase} onChange={setPhase} />
        <LivingField value={living} onChange={setLiving} />
        <label>
          {t('workspace:caseload.family')}
          <select name="family" value={family} onChange={(e) => setFamily(e.target.value)}>
            <option value="">{t('workspace:caseload.noFamily')}</option>
            {families.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
            <option value="new">{t('workspace:caseload.newFamily')}…</option>
          </select>
        </label>
        {family === 'new' && (
          <label>
            {t('workspace:caseload.familyLabel')}
            <input
              name="newFamily"
              value={newFamily}
              maxLength={40}
              onChange={(e) => setNewFamily(e.target.value)}
              required
            />
            <small className="muted">{t('workspace:caseload.familyHint')}</small>
          </label>
        )}
        <button type="submit" className="btn btn--primary">
          {t('common:begeleider.save')}
        </button>
        {error && <p className="form-error">{t(`errors:${error}`)}</p>}
      </form>
    </section>
  )
}
