import { useCallback, useEffect, useState } from 'react'
import { CATALOG } from '../../dialogs/catalog'
import type { ErrorCode } from '../../dialogs/contract/errors'
import {
  CONSENT_DECISIONS,
  MAX_AFSCHEID_CONTACTS,
  OUTSIDE_CONTACTS,
  type AfscheidContact,
  type ConsentBody,
  type MethodOut,
  type ParentConsent,
} from '../../dialogs/contract/method'
import { ApiError } from '../net/api'
import { apiClient } from '../net/api-client'
import { useTapUntilConfirmed } from '../ui/useTapUntilConfirmed'
import { useHelpLines } from '../ui/help-lines'
import { CadenceBadge } from './Caseload'
import { linkProps } from './router'
import { formatDay, useWorkspaceT } from './words'

const today = () => new Date().toISOString().slice(0, 10)
const GEZAG = ['onbekend', 'ja', 'nee'] as const

/** The method's records for one child, loaded once for the child page (consent note, panel). */
export function useMethod(childId: string) {
  const [data, setData] = useState<MethodOut | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  /** Counts consent saves: the parents panel reloads then, as the other parent's gezag lives there too. */
  const [version, setVersion] = useState(0)
  const fail = useCallback((e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'), [])
  const reload = useCallback(() => {
    apiClient.method.get(childId).then(setData, fail)
  }, [childId, fail])
  useEffect(reload, [reload])
  const send = useCallback(
    (update: (childId: string) => Promise<MethodOut>, consent = false) =>
      update(childId).then((d) => {
        setData(d)
        setError(null)
        if (consent) setVersion((v) => v + 1)
      }, fail),
    [childId, fail],
  )
  return { data, error, send, reload, version }
}
type Method = ReturnType<typeof useMethod>

/** On the begeleider's screen only, where a gesprek is started: consent is missing, or refused. Never blocks. */
export function ConsentNote({ data }: { data: MethodOut | null }) {
  const { t } = useWorkspaceT()
  if (!data || data.consent.status === 'compleet') return null
  const refused = data.consent.status === 'geweigerd'
  return (
    <p className={`method-note ${refused ? 'method-note--refused' : ''}`} data-testid="consent-note" role="note">
      {t(refused ? 'workspace:method.consent.startNoteRefused' : 'workspace:method.consent.startNote')}
    </p>
  )
}

/** Consent, rhythm and phase on the child page: ticks and dates, prefilled, no new forms. */
export function MethodPanel({
  method,
  ageBand,
  lng,
  start,
  childId,
  go,
}: {
  method: Method
  ageBand: string
  lng: string
  childId: string
  go: (path: string) => void
  /** Starts a gesprek with a tool, as "Gesprek starten" does: the fase-3 afscheid tool is one tap away. */
  start: (toolId: string) => void
}) {
  const { t } = useWorkspaceT()
  const { data, error } = method
  if (!data) return error ? <p className="form-error">{t(`errors:${error}`)}</p> : null
  return (
    <div className="method" data-testid="method-panel">
      {/* A new start when the parents record changed the gezag or who is here, so no stale value is saved back. */}
      <Consent
        key={`${data.consent.other.gezag}:${data.consent.parents.present}`}
        method={method}
        data={data}
        ageBand={ageBand}
        lng={lng}
        childId={childId}
        go={go}
      />
      <div className="method__side">
        <Rhythm method={method} data={data} lng={lng} />
        <Phase method={method} data={data} lng={lng} ageBand={ageBand} start={start} />
        {data.phase.living === 'ambulant' && (
          // What the seeds say differs when the family stays at home [000:1058-1062, 1101-1107]; the
          // Werkboek's notes per kerntaak are not in our sources (docs/decisions/0110-ambulant-per-kerntaak.md).
          <p className="method-note method-note--quiet" data-testid="ambulant-note" role="note">
            {t('workspace:method.ambulant')}
          </p>
        )}
      </div>
      {error && <p className="form-error">{t(`errors:${error}`)}</p>}
    </div>
  )
}

function Consent({
  method,
  data,
  ageBand,
  lng,
  childId,
  go,
}: {
  method: Method
  data: MethodOut
  ageBand: string
  lng: string
  childId: string
  go: (path: string) => void
}) {
  const { t } = useWorkspaceT()
  const initial = (): ConsentBody => ({
    present: data.consent.present,
    other: data.consent.other,
    jongere: data.consent.jongere,
    told: data.consent.told,
  })
  const [form, setForm] = useState<ConsentBody>(initial)
  const [saved, setSaved] = useState(false)
  const c = data.consent
  const role = (r: 'mama' | 'papa') => t(`workspace:parents.role.${r}`)
  const otherRole = c.parents.present ? (c.parents.present === 'mama' ? 'papa' : 'mama') : null
  const set = (patch: Partial<ConsentBody>) => {
    setSaved(false)
    setForm({ ...form, ...patch })
  }
  const refused = [form.present, form.other].some((p) => p.gezag !== 'nee' && p.decision === 'geweigerd')
  return (
    <section className="panel method-consent" data-testid="consent">
      <h2>
        {t('workspace:method.consent.title')}{' '}
        <span className={`badge consent--${c.status}`}>{t(`workspace:method.consent.status.${c.status}`)}</span>
      </h2>
      <p className="muted">{t('workspace:method.consent.hint')}</p>
      {/* Explaining the purpose to the parents comes first: the leaflet to print and hand over. */}
      <p>
        <a className="btn btn--quiet" {...linkProps(go, `/begeleider/kind/${childId}/ouderfolder`)}>
          {t('workspace:method.consent.leaflet')}
        </a>
      </p>
      <ParentRow
        legend={
          c.parents.present
            ? t('workspace:method.consent.present', { role: role(c.parents.present) })
            : t('workspace:method.consent.presentUnknown')
        }
        value={form.present}
        onChange={(present) => set({ present })}
      />
      <ParentRow
        legend={
          otherRole
            ? t('workspace:method.consent.other', { role: role(otherRole) })
            : t('workspace:method.consent.otherUnknown')
        }
        hint={t('workspace:method.consent.gezagOtherHint')}
        value={form.other}
        onChange={(other) => set({ other })}
      />
      {refused && (
        <p className="method-note method-note--refused" data-testid="consent-refused">
          {t('workspace:method.consent.refused')}
        </p>
      )}
      {c.twelvePlus ? (
        <fieldset className="method-fieldset">
          <legend>{t('workspace:method.consent.jongere')}</legend>
          <p className="muted">{t('workspace:method.consent.jongereHint')}</p>
          <div className="inline-form">
            <Decision
              value={form.jongere.decision}
              onChange={(decision) => set({ jongere: { ...form.jongere, decision } })}
            />
            <DayField value={form.jongere.on} onChange={(on) => set({ jongere: { ...form.jongere, on } })} />
          </div>
          <div className="method-already">
            <p className="muted">{t('workspace:method.consent.alreadyApp')}</p>
            <ul>
              <li>
                {c.parents.present
                  ? t('workspace:method.consent.appPresent', { role: role(c.parents.present) })
                  : t('workspace:method.consent.appPresentUnknown')}
              </li>
              <li>
                {otherRole
                  ? t('workspace:method.consent.appOther', { role: role(otherRole) })
                  : t('workspace:method.consent.appOtherUnknown')}{' '}
                {c.parents.otherInformed
                  ? t('workspace:method.consent.appOtherInformed', {
                      text: c.parents.otherInformed.text,
                      date: formatDay(c.parents.otherInformed.agreedOn, lng),
                    })
                  : t('workspace:method.consent.appOtherNone')}
              </li>
            </ul>
          </div>
          {(['contacts', 'conditions', 'parentsInfo'] as const).map((k) => (
            <label key={k} className="stack">
              {t(`workspace:method.consent.${k}`)}
              <textarea
                rows={2}
                maxLength={1000}
                value={form.jongere[k]}
                onChange={(e) => set({ jongere: { ...form.jongere, [k]: e.target.value } })}
              />
            </label>
          ))}
        </fieldset>
      ) : (
        ageBand !== '0-4' && (
          <fieldset className="method-fieldset">
            <legend>{t('workspace:method.consent.told')}</legend>
            <p className="muted">{t('workspace:method.consent.toldHint')}</p>
            <div className="method-ticks">
              {OUTSIDE_CONTACTS.map((w) => (
                <label key={w} className="tick">
                  <input
                    type="checkbox"
                    checked={form.told.who.includes(w)}
                    onChange={(e) =>
                      set({
                        told: {
                          ...form.told,
                          who: e.target.checked ? [...form.told.who, w] : form.told.who.filter((x) => x !== w),
                          on: form.told.on ?? today(),
                        },
                      })
                    }
                  />
                  {t(`workspace:method.consent.who.${w}`)}
                </label>
              ))}
            </div>
            <div className="inline-form">
              <DayField value={form.told.on} onChange={(on) => set({ told: { ...form.told, on } })} />
            </div>
            <label className="stack">
              {t('workspace:method.consent.what')}
              <textarea
                rows={2}
                maxLength={1000}
                value={form.told.what}
                onChange={(e) => set({ told: { ...form.told, what: e.target.value } })}
              />
            </label>
          </fieldset>
        )
      )}
      <div className="inline-form">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void method.send((id) => apiClient.method.consent(id, form), true).then(() => setSaved(true))}
        >
          {t('workspace:method.save')}
        </button>
        {saved && <span className="badge">{t('workspace:method.saved')}</span>}
        {c.recordedAt && c.recordedBy && (
          <span className="muted">
            {t('workspace:method.consent.recorded', { name: c.recordedBy, date: formatDay(c.recordedAt, lng) })}
          </span>
        )}
      </div>
    </section>
  )
}

function ParentRow({
  legend,
  hint,
  value,
  onChange,
}: {
  legend: string
  hint?: string
  value: ParentConsent
  onChange: (v: ParentConsent) => void
}) {
  const { t } = useWorkspaceT()
  return (
    <fieldset className="method-fieldset method-parent">
      <legend>{legend}</legend>
      <div className="inline-form">
        <label>
          {t('workspace:method.consent.gezag')}
          <select
            value={value.gezag}
            onChange={(e) => onChange({ ...value, gezag: e.target.value as ParentConsent['gezag'] })}
          >
            {GEZAG.map((g) => (
              <option key={g} value={g}>
                {t(`workspace:method.consent.gezagValue.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <Decision
          value={value.decision}
          onChange={(decision) =>
            onChange({ ...value, decision, on: value.on ?? (decision === 'open' ? null : today()) })
          }
        />
        <DayField value={value.on} onChange={(on) => onChange({ ...value, on })} />
        <label className="tick">
          <input
            type="checkbox"
            checked={value.explained}
            onChange={(e) => onChange({ ...value, explained: e.target.checked })}
          />
          {t('workspace:method.consent.explained')}
        </label>
      </div>
      {hint && <p className="muted method-hint">{hint}</p>}
    </fieldset>
  )
}

function Decision({
  value,
  onChange,
}: {
  value: ParentConsent['decision']
  onChange: (v: ParentConsent['decision']) => void
}) {
  const { t } = useWorkspaceT()
  return (
    <label>
      {t('workspace:method.consent.decision')}
      <select value={value} onChange={(e) => onChange(e.target.value as ParentConsent['decision'])}>
        {CONSENT_DECISIONS.map((d) => (
          <option key={d} value={d}>
            {t(`workspace:method.consent.decisionValue.${d}`)}
          </option>
        ))}
      </select>
    </label>
  )
}

function DayField({ value, onChange }: { value: string | null; onChange: (v: string | null) => void }) {
  const { t } = useWorkspaceT()
  return (
    <label>
      {t('workspace:method.consent.on')}
      <input type="date" value={value ?? ''} max={today()} onChange={(e) => onChange(e.target.value || null)} />
    </label>
  )
}

function Rhythm({ method, data, lng }: { method: Method; data: MethodOut; lng: string }) {
  const { t } = useWorkspaceT()
  const r = data.rhythm
  return (
    <section className="panel method-rhythm" data-testid="rhythm">
      <h2>{t('workspace:method.rhythm.title')}</h2>
      <div className="cadence-block">
        <CadenceBadge label={t('workspace:method.rhythm.oudergesprek')} item={r.oudergesprek} lng={lng} />
        <button
          type="button"
          className="btn btn--soft btn--small"
          onClick={() => void method.send((id) => apiClient.method.oudergesprek(id, { heldOn: today() }))}
        >
          {t('workspace:method.rhythm.record')}
        </button>
      </div>
      <div className="cadence-block">
        <span className={`cadence cadence--${r.samen.pending ? 'due' : 'ok'}`} data-testid="samen">
          <span className="cadence__label">{t('workspace:method.rhythm.samen')}</span>{' '}
          {r.samen.pending && r.samen.lastGesprekAt
            ? t('workspace:method.rhythm.samenPending', { date: formatDay(r.samen.lastGesprekAt, lng) })
            : r.samen.lastAt
              ? t('workspace:method.rhythm.samenDone', { date: formatDay(r.samen.lastAt, lng) })
              : r.samen.lastGesprekAt
                ? ''
                : t('workspace:method.rhythm.samenNone')}
        </span>
        {r.samen.lastGesprekId && (
          <button
            type="button"
            className="btn btn--soft btn--small"
            onClick={() =>
              void method.send((id) =>
                apiClient.method.samen(id, { heldOn: today(), gesprekId: r.samen.lastGesprekId ?? undefined }),
              )
            }
          >
            {t('workspace:method.rhythm.samenRecord')}
          </button>
        )}
      </div>
      <p className="muted method-hint">{t('workspace:method.rhythm.hint')}</p>
    </section>
  )
}

function Phase({
  method,
  data,
  lng,
  ageBand,
  start,
}: {
  method: Method
  data: MethodOut
  lng: string
  ageBand: string
  start: (toolId: string) => void
}) {
  const { t } = useWorkspaceT()
  const ph = data.phase
  const [to, setTo] = useState(ph.overdracht?.to ?? '')
  const [on, setOn] = useState(ph.overdracht?.on ?? today())
  const [toldChild, setToldChild] = useState(ph.overdracht?.toldChild ?? '')
  // A tick shows at once, as the begeleider set it, until the server's answer replaces it (or takes it back).
  const ticking = useTapUntilConfirmed(Object.fromEntries(ph.fase1.items.map((i) => [i.id, i.done])))
  // The child's own farewell tool (built with the kennismaking tools), when the catalogue has one for this band.
  const afscheid = CATALOG.find(
    (tool) =>
      tool.id.startsWith('afscheid') && tool.settings.includes('begeleid') && tool.ageBands.some((b) => b === ageBand),
  )
  if (ph.phase === 1) {
    const ticks = ph.fase1.items.filter((i) => ticking.shown(i.id, i.done) && i.from === null).map((i) => i.id)
    return (
      <section className="panel method-phase" data-testid="fase1">
        <h2>{t('workspace:method.phase.fase1')}</h2>
        <CadenceBadge label={t('workspace:method.phase.limit')} item={ph.fase1.limit} lng={lng} />
        <ul className="method-checklist">
          {ph.fase1.items.map((i) => (
            <li key={i.id}>
              <label className="tick">
                <input
                  type="checkbox"
                  checked={ticking.shown(i.id, i.done)}
                  disabled={i.from !== null}
                  onChange={(e) => {
                    const done = e.target.checked
                    ticking.tap(
                      i.id,
                      done,
                      method.send((id) =>
                        apiClient.method.fase1(id, {
                          ticks: done ? [...ticks, i.id] : ticks.filter((x) => x !== i.id),
                        }),
                      ),
                    )
                  }}
                />
                {t(`workspace:method.phase.item.${i.id}`)}
              </label>
              {i.from && (
                <span className="muted method-from">
                  {' '}
                  · {t(`workspace:method.phase.from.${i.from}`, { date: i.at ? formatDay(i.at, lng) : '' })}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
    )
  }
  if (ph.phase === 2)
    return (
      <section className="panel method-phase">
        <p className="muted">{t('workspace:method.phase.otherPhase')}</p>
      </section>
    )
  return (
    <section className="panel method-phase" data-testid="fase3">
      <h2>{t('workspace:method.phase.fase3')}</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          void method.send((id) => apiClient.method.overdracht(id, { to, on, toldChild }))
        }}
      >
        <label className="stack">
          {t('workspace:method.phase.to')}
          <input value={to} maxLength={200} required onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          {t('workspace:method.phase.on')}{' '}
          <input type="date" value={on} required onChange={(e) => setOn(e.target.value)} />
        </label>
        <label className="stack">
          {t('workspace:method.phase.toldChild')}
          <textarea rows={2} maxLength={1000} value={toldChild} onChange={(e) => setToldChild(e.target.value)} />
        </label>
        <div className="inline-form">
          <button type="submit" className="btn btn--soft">
            {t('workspace:method.phase.recordHandover')}
          </button>
          {ph.overdracht && (
            <span className="muted">
              {t('workspace:method.consent.recorded', {
                name: ph.overdracht.recordedBy,
                date: formatDay(ph.overdracht.recordedAt, lng),
              })}
            </span>
          )}
        </div>
      </form>
      <Contacts method={method} data={data} lng={lng} />
      <div className="cadence-block">
        <strong>{t('workspace:method.phase.afscheid')}</strong>
        {afscheid ? (
          <button type="button" className="btn btn--primary btn--small" onClick={() => start(afscheid.id)}>
            {t(`common:tools.${afscheid.id}`)}
          </button>
        ) : (
          <span className="muted method-hint">{t('workspace:method.phase.afscheidHint')}</span>
        )}
      </div>
    </section>
  )
}

/** Words that start a role or a service, not a first name: "De Kindertelefoon", "Juf Ria", "Tante Ans". */
const ROLE_WORDS = new Set(
  'de het een je jouw mijn juf meester tante oom oma opa mama papa dokter mentor buurvrouw buurman wijkteam jeugdteam team'.split(
    ' ',
  ),
)
/** "Sam de Vries", "Karin Jansen": a first name and a surname, where a first name or a role would do. */
const looksLikeFullName = (who: string) => {
  const w = who.trim()
  if (!/^\p{Lu}\p{Ll}+\s+(?:(?:van|de|der|den|ten|ter|el|al)\s+)*\p{Lu}\p{Ll}+$/u.test(w)) return false
  return !ROLE_WORDS.has(w.split(/\s+/)[0]!.toLowerCase())
}

/**
 * The names and numbers the child keeps after the afscheid [000:840-844], entered here beforehand and
 * shown to the child in the afscheid's contacts step (and on its keepsake). Prefilled in one tap from
 * the handover just recorded and the Kindertelefoon; nothing is taken from the child's answers.
 */
function Contacts({ method, data, lng }: { method: Method; data: MethodOut; lng: string }) {
  const { t } = useWorkspaceT()
  const saved = data.phase.contacten
  const [rows, setRows] = useState<AfscheidContact[]>(saved?.contacts ?? [])
  const set = (i: number, patch: Partial<AfscheidContact>) =>
    setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)))
  const add = (row: AfscheidContact) => setRows((r) => (r.length < MAX_AFSCHEID_CONTACTS ? [...r, row] : r))
  const handover = data.phase.overdracht?.to
  const talk = t('workspace:method.phase.talkLine')
  // The organisation's own Kindertelefoon number where it set one (docs/operations.md).
  const lines = useHelpLines()
  return (
    <form
      className="stack method-contacts"
      data-testid="afscheid-contacts-form"
      onSubmit={(e) => {
        e.preventDefault()
        void method.send((id) => apiClient.method.contacten(id, { contacts: rows.filter((r) => r.who.trim() !== '') }))
      }}
    >
      <strong>{t('workspace:method.phase.contacts')}</strong>
      <p className="muted method-hint">{t('workspace:method.phase.contactsHint')}</p>
      {rows.length === 0 && <p className="muted">{t('workspace:method.phase.noContacts')}</p>}
      {rows.map((row, i) => (
        <fieldset key={i} className="method-contact">
          <label className="stack">
            {t('workspace:method.phase.contactWho')}
            <input value={row.who} maxLength={60} required onChange={(e) => set(i, { who: e.target.value })} />
          </label>
          {looksLikeFullName(row.who) && (
            <span className="method-warn" role="note">
              {t('workspace:method.phase.fullName')}
            </span>
          )}
          <label className="stack">
            {t('workspace:method.phase.contactNumber')}
            <input
              type="tel"
              inputMode="tel"
              value={row.number}
              maxLength={20}
              pattern="\+?[0-9][0-9 \-]{1,18}[0-9]"
              onChange={(e) => set(i, { number: e.target.value })}
            />
          </label>
          <label className="stack">
            {t('workspace:method.phase.contactWhat')}
            <input value={row.what} maxLength={120} onChange={(e) => set(i, { what: e.target.value })} />
          </label>
          <button
            type="button"
            className="btn btn--soft btn--small"
            onClick={() => setRows((r) => r.filter((_, j) => j !== i))}
          >
            {t('workspace:method.phase.removeContact')}
          </button>
        </fieldset>
      ))}
      <div className="inline-form">
        <button
          type="button"
          className="btn btn--soft btn--small"
          onClick={() => add({ who: '', number: '', what: '' })}
        >
          {t('workspace:method.phase.addContact')}
        </button>
        {handover && !rows.some((r) => r.who === handover.slice(0, 60)) && (
          <button
            type="button"
            className="btn btn--soft btn--small"
            onClick={() => add({ who: handover.slice(0, 60), number: '', what: '' })}
          >
            {t('workspace:method.phase.fromHandover')}
          </button>
        )}
        {!rows.some((r) => r.who === talk) && (
          <button
            type="button"
            className="btn btn--soft btn--small"
            onClick={() => add({ who: talk, number: lines.talk, what: t('workspace:method.phase.talkLineWhat') })}
          >
            {t('workspace:method.phase.addTalkLine')}
          </button>
        )}
      </div>
      <div className="inline-form">
        <button type="submit" className="btn btn--soft">
          {t('workspace:method.phase.saveContacts')}
        </button>
        {saved && (
          <span className="muted" data-testid="contacts-recorded">
            {t('workspace:method.consent.recorded', { name: saved.recordedBy, date: formatDay(saved.recordedAt, lng) })}
          </span>
        )}
      </div>
    </form>
  )
}
