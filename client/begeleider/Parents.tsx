import { useCallback, useEffect, useState } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { NETWORK_FLAGS, otherRole, PARENT_ROLES, type ParentsOut } from '../../dialogs/contract/parents'
import { api, ApiError } from '../net/api'
import { linkProps } from './router'
import { useWorkspaceT } from './words'

type Flags = ParentsOut['flags']

/**
 * Each parent apart (docs/deelafspraak.md): who the oudergesprek is with, the parent who did not come
 * along (role and meaning, risk, contact, gezag), and network safety flags set by the begeleider.
 * Nothing here is sent to either parent; the child's screen gets only "mama" or "papa".
 */
export function ParentsPanel({
  childId,
  onSaved,
  go,
}: {
  childId: string
  onSaved?: () => void
  /** To open the preparation for the parent who did not come along (each parent apart). */
  go?: (path: string) => void
}) {
  const { t } = useWorkspaceT()
  const [data, setData] = useState<ParentsOut | null>(null)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<ErrorCode | null>(null)
  const [person, setPerson] = useState('')
  const fail = useCallback((e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'), [])
  useEffect(() => {
    api<ParentsOut>(`/api/parents/children/${childId}`).then(setData, fail)
  }, [childId, fail])
  if (!data) return null
  const set = (patch: Partial<ParentsOut>) => {
    setSaved(false)
    setData({ ...data, ...patch })
  }
  const setOther = (patch: Partial<ParentsOut['other']>) => set({ other: { ...data.other, ...patch } })
  const toggle = (flags: Flags, name: string, flag: (typeof NETWORK_FLAGS)[number]): Flags =>
    flags
      .map((f) =>
        f.person === name
          ? { ...f, flags: f.flags.includes(flag) ? f.flags.filter((x) => x !== flag) : [...f.flags, flag] }
          : f,
      )
      .filter((f) => f.flags.length > 0)
  const save = () =>
    api(`/api/parents/children/${childId}`, {
      method: 'PUT',
      body: { present: data.present, other: data.other, flags: data.flags },
    }).then(() => {
      setSaved(true)
      onSaved?.()
    }, fail)

  return (
    <section className="panel parents" data-testid="parents-panel">
      <h2>{t('workspace:parents.title')}</h2>
      <p className="muted">{t('workspace:parents.hint')}</p>
      <label className="stack">
        <span>{t('workspace:parents.present')}</span>
        <select
          value={data.present ?? ''}
          onChange={(e) => set({ present: (e.target.value || null) as ParentsOut['present'] })}
        >
          <option value="">{t('workspace:parents.presentUnknown')}</option>
          {PARENT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`workspace:parents.role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <h3>{t('workspace:parents.otherTitle')}</h3>
      {go && data.present && (
        <a
          className="btn btn--soft btn--small"
          data-testid="prepare-other"
          {...linkProps(go, `/begeleider/kind/${childId}/oudergesprek?ouder=${otherRole(data.present)}`)}
        >
          {t('workspace:parents.prepareOther', { role: t(`workspace:parents.role.${otherRole(data.present)}`) })}
        </a>
      )}
      <label className="stack">
        <span>{t('workspace:parents.meaning')}</span>
        <textarea
          rows={2}
          maxLength={1000}
          value={data.other.role}
          onChange={(e) => setOther({ role: e.target.value })}
        />
      </label>
      {(['risk', 'contact', 'gezag'] as const).map((field) => (
        <label key={field} className="stack">
          <span>{t(`workspace:parents.${field}`)}</span>
          <select value={data.other[field]} onChange={(e) => setOther({ [field]: e.target.value })}>
            {OPTIONS[field].map((o) => (
              <option key={o} value={o}>
                {t(`workspace:parents.${field}Option.${o}`)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <h3>{t('workspace:parents.flagsTitle')}</h3>
      <ul className="parents__flags">
        {data.flags.map((f) => (
          <li key={f.person}>
            <strong>{f.person}</strong>
            {NETWORK_FLAGS.map((flag) => (
              <label key={flag}>
                <input
                  type="checkbox"
                  checked={f.flags.includes(flag)}
                  onChange={() => set({ flags: toggle(data.flags, f.person, flag) })}
                />{' '}
                {t(`workspace:parents.flag.${flag}`)}
              </label>
            ))}
          </li>
        ))}
      </ul>
      <div className="parents__add">
        <label>
          <span className="sr-only">{t('workspace:parents.flagPerson')}</span>
          <input
            value={person}
            maxLength={40}
            placeholder={t('workspace:parents.flagPerson')}
            onChange={(e) => setPerson(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="btn btn--soft btn--small"
          disabled={!person.trim() || data.flags.some((f) => f.person === person.trim())}
          onClick={() => {
            set({ flags: [...data.flags, { person: person.trim(), flags: ['geen-contact'] }] })
            setPerson('')
          }}
        >
          {t('workspace:parents.flagAdd')}
        </button>
      </div>
      <button type="button" className="btn btn--primary" onClick={save}>
        {t('common:begeleider.save')}
      </button>
      {saved && <span className="muted"> {t('workspace:parents.saved')}</span>}
      {error && <p className="form-error">{t(`errors:${error}`)}</p>}
    </section>
  )
}

const OPTIONS = {
  risk: ['onbekend', 'geen', 'zorg', 'gevaar'],
  contact: ['onbekend', 'vrij', 'begeleid', 'geen'],
  gezag: ['onbekend', 'ja', 'nee'],
} as const
