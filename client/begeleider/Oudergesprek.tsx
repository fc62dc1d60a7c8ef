import { useEffect, useState } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { OudergesprekDraft, OudergesprekOut } from '../../dialogs/contract/workspace'
import { api, ApiError } from '../net/api'
import { ThemedList } from './PrepLists'
import { linkProps } from './router'
import { useWorkspaceT, withToolLabels } from './words'

/** The default talking points and tips, in the begeleider's language, with the child's name filled in. */
export function defaultDraft(t: (k: string, o: Record<string, string>) => string, name: string): OudergesprekDraft {
  return {
    talkingPoints: t('workspace:prep.defaultTalkingPoints', { name }),
    tips: t('workspace:prep.defaultTips', { name }),
  }
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * Oudergesprek voorbereiden: only what the oudergesprek projection lets through, in two lists, plus
 * editable talking points and tips that go on the printed sheet.
 */
export function Oudergesprek({ childId, go }: { childId: string; go: (path: string) => void }) {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<OudergesprekOut | null>(null)
  const [draft, setDraft] = useState<OudergesprekDraft | null>(null)
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  /**
   * YYYY-MM-DD, '' for every gesprek, null for the server's default: since the last oudergesprek (the
   * weekly talk, not the six-weekly evaluation), else the last two weeks. One request either way.
   */
  const [since, setSince] = useState<string | null>(null)
  const [recorded, setRecorded] = useState(false)
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.code : 'internal')

  useEffect(() => {
    const query = since === null ? '?since=auto' : since ? `?since=${since}` : ''
    api<OudergesprekOut>(`/api/workspace/children/${childId}/oudergesprek${query}`).then((d) => {
      setData(withToolLabels(d))
      // The default text is taken once, in the language of the moment; later edits are the begeleider's.
      setDraft((current) => current ?? d.draft ?? defaultDraft(t, d.child.nickname))
      setSavedAt((current) => current ?? d.draftUpdatedAt)
    }, fail)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [childId, since])

  const save = () =>
    draft
      ? api(`/api/workspace/children/${childId}/oudergesprek/draft`, { method: 'PUT', body: draft }).then(() =>
          setSavedAt(new Date().toISOString()),
        )
      : Promise.resolve()

  if (error) return <p className="form-error">{t(`errors:${error}`)}</p>
  if (!data || !draft) return <p className="muted">{t('common:loading')}</p>
  const name = data.child.nickname
  const shownSince = since ?? data.since?.slice(0, 10) ?? ''

  return (
    <div className="prep">
      <a className="btn btn--quiet" {...linkProps(go, `/begeleider/kind/${childId}`)}>
        <span className="dir-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {name}
      </a>
      <header className="prep__head">
        <h1>{t('workspace:prep.title', { name })}</h1>
        <button
          type="button"
          className="btn btn--primary"
          data-testid="print"
          onClick={() =>
            void save().then(
              () => go(`/begeleider/kind/${childId}/afdruk${shownSince ? `?since=${shownSince}` : ''}`),
              fail,
            )
          }
        >
          {t('workspace:prep.print')}
        </button>
      </header>
      <p className="muted">{t('workspace:prep.intro', { name })}</p>
      <div className="prep-since">
        <label>
          {t('workspace:prep.since')}
          <input
            type="date"
            name="since"
            value={shownSince}
            max={day(Date.now())}
            onChange={(e) => setSince(e.target.value)}
          />
        </label>
        {shownSince ? (
          <button type="button" className="btn btn--quiet btn--small" onClick={() => setSince('')}>
            {t('workspace:prep.sinceShowAll')}
          </button>
        ) : (
          <span className="muted">{t('workspace:prep.sinceAll')}</span>
        )}
        <span className="muted">{t('workspace:prep.sinceHint')}</span>
      </div>
      <div className="prep__lists">
        <section className="panel prep-list prep-list--zelf">
          <h2>{t('workspace:prep.zelf')}</h2>
          <p className="muted">{t('workspace:prep.zelfHint')}</p>
          <ThemedList items={data.zelfVertellen} />
        </section>
        <section className="panel prep-list prep-list--jij">
          <h2>{t('workspace:prep.jij')}</h2>
          <p className="muted">{t('workspace:prep.jijHint')}</p>
          <ThemedList items={data.begeleiderVertelt} />
        </section>
      </div>
      {(data.child.ageBand === '0-4' || data.observatie.length > 0) && (
        <section className="panel">
          <h2>{t('workspace:prep.observatie')}</h2>
          <p className="muted">{t('workspace:prep.observatieHint')}</p>
          <ThemedList items={data.observatie} />
        </section>
      )}
      <section className="panel prep-draft">
        <p className="muted">{t('workspace:prep.editHint')}</p>
        <div className="prep-draft__cols">
          <label>
            {t('workspace:prep.talkingPoints')}
            <textarea
              rows={8}
              maxLength={4000}
              value={draft.talkingPoints}
              onChange={(e) => setDraft({ ...draft, talkingPoints: e.target.value })}
            />
          </label>
          <label>
            {t('workspace:prep.tips')}
            <textarea
              rows={8}
              maxLength={4000}
              value={draft.tips}
              onChange={(e) => setDraft({ ...draft, tips: e.target.value })}
            />
          </label>
        </div>
        <div className="inline-form">
          <button type="button" className="btn btn--soft" onClick={() => void save().catch(fail)}>
            {t('workspace:prep.saveDraft')}
          </button>
          <button
            type="button"
            className="btn btn--soft"
            data-testid="record-oudergesprek"
            onClick={() =>
              void api(`/api/method/children/${childId}/oudergesprekken`, { body: { heldOn: day(Date.now()) } }).then(
                () => setRecorded(true),
                fail,
              )
            }
          >
            {t('workspace:method.rhythm.record')}
          </button>
          {recorded && <span className="badge">{t('workspace:method.rhythm.recorded')}</span>}
          {savedAt && (
            <span className="muted">
              {t('workspace:prep.draftSaved', {
                time: new Date(savedAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }),
              })}
            </span>
          )}
        </div>
      </section>
    </div>
  )
}
