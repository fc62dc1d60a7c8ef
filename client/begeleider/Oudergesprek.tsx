import { useEffect, useEffectEvent, useState } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { PARENT_ROLES, type ParentRole } from '../../dialogs/contract/parents'
import type { OudergesprekDraft, OudergesprekOut } from '../../dialogs/contract/workspace'
import { ApiError } from '../net/api'
import { apiClient } from '../net/api-client'
import { ThemedList } from './PrepLists'
import { linkProps } from './router'
import { formatDay, useWorkspaceT, withToolLabels } from './words'

/**
 * The default talking points and tips, in the begeleider's language, with the child's name filled in:
 * for the parent who did not come along, the points of informing that parent, not of the child's words.
 */
export function defaultDraft(
  t: (k: string, o: Record<string, string>) => string,
  name: string,
  forOther = false,
): OudergesprekDraft {
  return forOther
    ? {
        talkingPoints: t('workspace:prep.otherDefaultTalkingPoints', { name }),
        tips: t('workspace:prep.otherDefaultTips', { name }),
      }
    : {
        talkingPoints: t('workspace:prep.defaultTalkingPoints', { name }),
        tips: t('workspace:prep.defaultTips', { name }),
      }
}

/** `?ouder=mama|papa` in the page's own address: whose preparation to open (a role word, never content). */
export function askedParent(search: string): ParentRole | null {
  const asked = new URLSearchParams(search).get('ouder')
  return asked === 'mama' || asked === 'papa' ? asked : null
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * Oudergesprek voorbereiden: only what the oudergesprek projection lets through, in two lists, plus
 * editable talking points and tips that go on the printed sheet.
 */
export function Oudergesprek({ childId, go }: { childId: string; go: (path: string) => void }) {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<OudergesprekOut | null>(null)
  // Whose draft is on screen travels with it, so a save can only ever land on that parent's row.
  const [draft, setDraft] = useState<(OudergesprekDraft & { for: ParentRole | null }) | null>(null)
  const [savedAt, setSavedAt] = useState<{ for: ParentRole | null; at: string | null } | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  /**
   * YYYY-MM-DD, '' for every gesprek, null for the server's default: since the last oudergesprek (the
   * weekly talk, not the six-weekly evaluation), else the last two weeks. One request either way.
   */
  const [since, setSince] = useState<string | null>(null)
  const [recorded, setRecorded] = useState(false)
  /** Each parent apart: whose preparation (null: the parent the oudergesprek is with). */
  const [ouder, setOuder] = useState<ParentRole | null>(() => askedParent(location.search))
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.code : 'internal')

  // Each parent's own notes: never another parent's, not even as a starting point. The default text
  // is taken in the language of the moment it arrives (a language switch loads nothing again); later
  // edits are the begeleider's.
  const show = useEffectEvent((d: OudergesprekOut) => {
    setData(withToolLabels(d))
    setDraft((current) =>
      current && current.for === d.parent.for
        ? current
        : { for: d.parent.for, ...(d.draft ?? defaultDraft(t, d.child.nickname, d.otherParent !== null)) },
    )
    setSavedAt((current) =>
      current && current.for === d.parent.for ? current : { for: d.parent.for, at: d.draftUpdatedAt },
    )
  })
  const failed = useEffectEvent(fail)
  useEffect(() => {
    const q = new URLSearchParams({ since: since === null ? 'auto' : since, ...(ouder ? { ouder } : {}) })
    if (since === '') q.delete('since')
    apiClient.workspace.oudergesprek(childId, q.toString()).then(show, failed)
  }, [childId, since, ouder])

  const forQuery = data?.parent.for ? `ouder=${data.parent.for}` : ''
  const save = () =>
    draft && data && draft.for === data.parent.for
      ? apiClient.workspace
          .saveOudergesprekDraft(childId, forQuery, {
            talkingPoints: draft.talkingPoints,
            tips: draft.tips,
          })
          .then(() => setSavedAt({ for: draft.for, at: new Date().toISOString() }))
      : Promise.resolve()

  if (error) return <p className="form-error">{t(`errors:${error}`)}</p>
  if (!data || !draft || draft.for !== data.parent.for) return <p className="muted">{t('common:loading')}</p>
  const name = data.child.nickname
  const shownSince = since ?? data.since?.slice(0, 10) ?? ''
  const role = (r: ParentRole) => t(`workspace:parents.role.${r}`)
  const other = data.otherParent
  const present = data.parent.present
  // The parents to choose from: the parent here first, then the other; "the parent here" while unknown.
  const choices: (ParentRole | null)[] = present
    ? [present, ...PARENT_ROLES.filter((r) => r !== present)]
    : [null, ...PARENT_ROLES]
  const choiceLabel = (r: ParentRole | null) =>
    r === null
      ? t('workspace:prep.forHere')
      : t(
          r === present ? 'workspace:prep.forPresent' : present ? 'workspace:prep.forOther' : 'workspace:prep.forRole',
          {
            role: role(r),
          },
        )
  const printQuery = new URLSearchParams({
    ...(shownSince ? { since: shownSince } : {}),
    ...(data.parent.for ? { ouder: data.parent.for } : {}),
  }).toString()

  return (
    <div className="prep">
      <a className="btn btn--quiet" {...linkProps(go, `/begeleider/kind/${childId}`)}>
        <span className="dir-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {name}
      </a>
      <header className="prep__head">
        <h1>
          {other && data.parent.for
            ? t('workspace:prep.titleFor', { role: role(data.parent.for), name })
            : t('workspace:prep.title', { name })}
        </h1>
        <button
          type="button"
          className="btn btn--primary"
          data-testid="print"
          onClick={() =>
            void save().then(() => go(`/begeleider/kind/${childId}/afdruk${printQuery ? `?${printQuery}` : ''}`), fail)
          }
        >
          {other && data.parent.for
            ? t('workspace:prep.printFor', { role: role(data.parent.for) })
            : t('workspace:prep.print')}
        </button>
      </header>
      <div className="prep-parent" role="radiogroup" aria-label={t('workspace:prep.forWhom')} data-testid="prep-parent">
        <span className="prep-parent__label">{t('workspace:prep.forWhom')}</span>
        {choices.map((r) => (
          <button
            key={r ?? 'hier'}
            type="button"
            role="radio"
            aria-checked={data.parent.for === r}
            className={data.parent.for === r ? 'btn btn--small btn--soft is-on' : 'btn btn--small btn--quiet'}
            onClick={() => void save().then(() => setOuder(r), fail)}
          >
            {choiceLabel(r)}
          </button>
        ))}
      </div>
      {other && data.parent.for && present ? (
        <OtherParentPanel
          data={other}
          role={role(data.parent.for)}
          present={role(present)}
          name={name}
          day={(d) => formatDay(d, i18n.language)}
        />
      ) : (
        <p className="muted">{t('workspace:prep.intro', { name })}</p>
      )}
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
          {/* The weekly oudergesprek is with the parent here; informing the other parent is not that talk. */}
          {!other && (
            <button
              type="button"
              className="btn btn--soft"
              data-testid="record-oudergesprek"
              onClick={() =>
                void apiClient.method
                  .oudergesprek(childId, { heldOn: day(Date.now()) })
                  .then(() => setRecorded(true), fail)
              }
            >
              {t('workspace:method.rhythm.record')}
            </button>
          )}
          {recorded && !other && <span className="badge">{t('workspace:method.rhythm.recorded')}</span>}
          {savedAt?.at && (
            <span className="muted">
              {t('workspace:prep.draftSaved', {
                time: new Date(savedAt.at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }),
              })}
            </span>
          )}
        </div>
      </section>
    </div>
  )
}

/**
 * The parent who did not come along: what was agreed with both parents about informing them, and the
 * begeleider's own cautions (contact, gezag, risk, network flags), on screen only, never on the sheet.
 */
function OtherParentPanel({
  data,
  role,
  present,
  name,
  day,
}: {
  data: NonNullable<OudergesprekOut['otherParent']>
  role: string
  present: string
  name: string
  day: (iso: string) => string
}) {
  const { t } = useWorkspaceT()
  return (
    <section className="panel prep-other" data-testid="prep-other">
      <p>{t('workspace:prep.otherIntro', { role, present, name })}</p>
      <h2>{t('workspace:prep.otherTitle')}</h2>
      {data.informed ? (
        <div data-testid="prep-informed">
          <p className="muted">
            {t('workspace:prep.informed', { role, date: day(`${data.informed.agreedOn}T00:00:00Z`) })}
          </p>
          <p className="prep-other__agreed">{data.informed.text}</p>
        </div>
      ) : (
        <p className="method-note">{t('workspace:prep.informedNone', { role, name })}</p>
      )}
      <div className="prep-other__caution" data-testid="prep-caution">
        <h3>{t('workspace:prep.otherCaution')}</h3>
        <ul>
          {(['contact', 'gezag', 'risk'] as const).map((field) => (
            <li key={field}>
              {t(`workspace:parents.${field}`)}: {t(`workspace:parents.${field}Option.${data.profile[field]}`)}
            </li>
          ))}
          {data.flags.flatMap((f) =>
            f.flags.map((flag) => (
              <li key={`${f.person}:${flag}`}>{t(`workspace:prep.flagCaution.${flag}`, { person: f.person })}</li>
            )),
          )}
        </ul>
      </div>
    </section>
  )
}
