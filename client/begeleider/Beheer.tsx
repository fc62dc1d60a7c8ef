import { Fragment, useCallback, useEffect, useState } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { MIN_PASSWORD_LENGTH, type BeheerOut } from '../../dialogs/contract/workspace'
import { api, ApiError } from '../net/api'
import { linkProps } from './router'
import { formatDay, useWorkspaceT } from './words'

/** /begeleider/beheer: teams, accounts and warm handovers of the admin's own organisation. */
export function Beheer({ meId, go }: { meId: string; go: (path: string) => void }) {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<BeheerOut | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [resetFor, setResetFor] = useState<string | null>(null)
  const fail = useCallback((e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'), [])
  const load = useCallback(() => {
    api<BeheerOut>('/api/beheer').then(setData, fail)
  }, [fail])
  useEffect(load, [load])
  /** Resolves true when the server said yes, so a form knows whether to close. */
  const act = (path: string, body: unknown = {}, message?: string): Promise<boolean> => {
    setError(null)
    setDone(null)
    return api(path, { body }).then(
      () => {
        setDone(message ?? t('workspace:beheer.done'))
        load()
        return true
      },
      (e: unknown) => {
        fail(e)
        return false
      },
    )
  }
  if (!data)
    return error ? <p className="form-error">{t(`errors:${error}`)}</p> : <p className="muted">{t('common:loading')}</p>
  const teamName = (id: string) => data.teams.find((x) => x.id === id)?.name ?? '—'
  const personName = (id: string) => data.begeleiders.find((x) => x.id === id)?.displayName ?? '—'
  const childName = (id: string) => data.children.find((x) => x.id === id)?.nickname ?? '—'

  return (
    <div className="beheer">
      <h1>{t('workspace:beheer.title', { org: data.organisation })}</h1>
      <a className="btn" {...linkProps(go, '/begeleider/beheer/gesprekken')}>
        {t('workspace:tools.link')}
      </a>
      <p role="status" className="beheer__status">
        {error && <span className="form-error">{t(`errors:${error}`)}</span>}
        {done && !error && <span className="muted">{done}</span>}
      </p>
      <div className="beheer__grid">
        <section className="panel">
          <h2>{t('workspace:beheer.people')}</h2>
          <table className="table">
            <tbody>
              {data.begeleiders.map((b) => (
                <Fragment key={b.id}>
                  <tr className={b.active ? '' : 'is-inactive'}>
                    <td>
                      <strong>{b.displayName}</strong> <span className="muted">@{b.username}</span>
                      {b.admin && <span className="badge">{t('workspace:beheer.admin')}</span>}
                    </td>
                    <td>{teamName(b.teamId)}</td>
                    <td className="muted">
                      {b.active ? t('workspace:beheer.active') : t('workspace:beheer.inactive')} ·{' '}
                      {t('workspace:beheer.sessions', { count: b.sessions })}
                    </td>
                    <td className="table__actions">
                      {/* Not on the admin's own row: the server refuses it (an admin cannot lock themself out). */}
                      {b.id === meId ? null : b.active ? (
                        <button
                          type="button"
                          className="btn btn--quiet btn--small"
                          onClick={() => void act(`/api/beheer/begeleiders/${b.id}/deactivate`)}
                        >
                          {t('workspace:beheer.deactivate')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="btn btn--quiet btn--small"
                          onClick={() => void act(`/api/beheer/begeleiders/${b.id}/activate`)}
                        >
                          {t('workspace:beheer.activate')}
                        </button>
                      )}
                      <button
                        type="button"
                        className="btn btn--quiet btn--small"
                        onClick={() => void act(`/api/beheer/begeleiders/${b.id}/end-sessions`)}
                      >
                        {t('workspace:beheer.endSessions')}
                      </button>
                      <button
                        type="button"
                        className="btn btn--quiet btn--small"
                        aria-expanded={resetFor === b.id}
                        onClick={() => setResetFor(resetFor === b.id ? null : b.id)}
                      >
                        {t('workspace:beheer.resetPassword')}
                      </button>
                    </td>
                  </tr>
                  {resetFor === b.id && (
                    <tr className="beheer__inline-row">
                      <td colSpan={4}>
                        <PasswordForm
                          name={b.displayName}
                          onCancel={() => setResetFor(null)}
                          onSave={(password) =>
                            act(
                              `/api/beheer/begeleiders/${b.id}/password`,
                              { password },
                              t('workspace:beheer.passwordSet', { name: b.displayName }),
                            ).then((ok) => ok && setResetFor(null))
                          }
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
          <NewPerson teams={data.teams} onCreate={(body) => act('/api/beheer/begeleiders', body)} />
        </section>
        <section className="panel">
          <h2>{t('workspace:beheer.teams')}</h2>
          <ul>
            {data.teams.map((team) => (
              <li key={team.id}>{team.name}</li>
            ))}
          </ul>
          <NewTeam onCreate={(name) => act('/api/beheer/teams', { name })} />
        </section>
      </div>
      <section className="panel">
        <h2>{t('workspace:beheer.children')}</h2>
        <p className="muted">{t('workspace:beheer.childrenHint')}</p>
        <p className="muted">{t('workspace:beheer.closeHint', { days: data.retentionDays })}</p>
        {data.children.length === 0 && <p className="muted">{t('workspace:beheer.noChildren')}</p>}
        <ul className="beheer-children">
          {data.children.map((c) => (
            <ChildRow
              key={c.id}
              child={c}
              data={data}
              act={act}
              onError={fail}
              onExported={() => {
                setError(null)
                setDone(t('workspace:beheer.exported', { name: c.nickname }))
              }}
            />
          ))}
        </ul>
        {data.handovers.length > 0 && (
          <>
            <h3>{t('workspace:beheer.handovers')}</h3>
            <ul className="muted">
              {data.handovers.map((h, i) => (
                <li key={i}>
                  {t('workspace:beheer.handoverLine', {
                    child: childName(h.childId),
                    from: `${personName(h.fromBegeleiderId)} (${teamName(h.fromTeamId)})`,
                    to: `${personName(h.toBegeleiderId)} (${teamName(h.toTeamId)})`,
                    date: formatDay(h.at, i18n.language),
                    by: personName(h.byBegeleiderId),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  )
}

type Child = BeheerOut['children'][number]

/**
 * One child of the organisation: warm handover, and the AVG rights (inzage, close the trajectory, erasure).
 * Erasure asks for the nickname typed out: it cannot be undone.
 */
function ChildRow({
  child,
  data,
  act,
  onError,
  onExported,
}: {
  child: Child
  data: BeheerOut
  act: (path: string, body?: unknown, message?: string) => Promise<boolean>
  onError: (e: unknown) => void
  onExported: () => void
}) {
  const { t, i18n } = useWorkspaceT()
  const [to, setTo] = useState('')
  const [open, setOpen] = useState<'close' | 'erase' | null>(null)
  const [typed, setTyped] = useState('')
  const options = data.begeleiders.filter((b) => b.active && b.id !== child.begeleiderId)
  const current = data.begeleiders.find((b) => b.id === child.begeleiderId)
  const base = `/api/beheer/children/${child.id}`
  const name = child.nickname
  const toggle = (what: 'close' | 'erase') => {
    setTyped('')
    setOpen(open === what ? null : what)
  }
  return (
    <li className={`beheer-child${child.closedAt ? ' is-closed' : ''}`} data-testid="beheer-child">
      <div className="beheer-child__who">
        <strong>{name}</strong> <span className="muted">{t(`common:begeleider.ageBands.${child.ageBand}`)}</span>
        <div className="muted">
          {current?.displayName} · {data.teams.find((x) => x.id === child.teamId)?.name}
        </div>
        {child.closedAt && child.eraseAfter && (
          <div className="beheer-child__closed">
            {t('workspace:beheer.closedOn', {
              date: formatDay(child.closedAt, i18n.language),
              erase: formatDay(child.eraseAfter, i18n.language),
            })}
          </div>
        )}
      </div>
      <div className="beheer-child__actions">
        {!child.closedAt && (
          <span className="inline-form">
            <label className="sr-only" htmlFor={`move-${child.id}`}>
              {t('workspace:beheer.to')}
            </label>
            <select id={`move-${child.id}`} value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">{t('workspace:beheer.to')}…</option>
              {options.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.displayName} · {data.teams.find((x) => x.id === b.teamId)?.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn--soft btn--small"
              disabled={!to}
              onClick={() => {
                const b = data.begeleiders.find((x) => x.id === to)
                if (b) void act(`${base}/move`, { teamId: b.teamId, begeleiderId: b.id }).then((ok) => ok && setTo(''))
              }}
            >
              {t('workspace:beheer.move')}
            </button>
          </span>
        )}
        <button
          type="button"
          className="btn btn--quiet btn--small"
          onClick={() => void downloadExport(base, child.id).then(onExported, onError)}
        >
          {t('workspace:beheer.inzage')}
        </button>
        {!child.closedAt && (
          <button
            type="button"
            className="btn btn--quiet btn--small"
            aria-expanded={open === 'close'}
            onClick={() => toggle('close')}
          >
            {t('workspace:beheer.close')}
          </button>
        )}
        <button
          type="button"
          className="btn btn--quiet btn--small btn--danger"
          aria-expanded={open === 'erase'}
          onClick={() => toggle('erase')}
        >
          {t('workspace:beheer.erase')}
        </button>
      </div>
      {open === 'close' && (
        <div className="beheer-confirm" role="group" aria-label={t('workspace:beheer.closeTitle', { name })}>
          <p>{t('workspace:beheer.closeExplain', { name, days: data.retentionDays })}</p>
          <div className="inline-form">
            <button
              type="button"
              className="btn btn--primary btn--small"
              onClick={() =>
                void act(`${base}/close`, {}, t('workspace:beheer.closedDone', { name })).then(
                  (ok) => ok && setOpen(null),
                )
              }
            >
              {t('workspace:beheer.closeNow')}
            </button>
            <button type="button" className="btn btn--quiet btn--small" onClick={() => setOpen(null)}>
              {t('workspace:beheer.cancel')}
            </button>
          </div>
        </div>
      )}
      {open === 'erase' && (
        <form
          className="beheer-confirm beheer-confirm--danger"
          aria-label={t('workspace:beheer.eraseTitle', { name })}
          onSubmit={(e) => {
            e.preventDefault()
            if (typed.trim() !== name) return
            void act(`${base}/erase`, {}, t('workspace:beheer.erased', { name })).then((ok) => ok && setOpen(null))
          }}
        >
          <p>{t('workspace:beheer.eraseExplain', { name })}</p>
          <label>
            {t('workspace:beheer.eraseType', { name })}
            <input
              value={typed}
              autoComplete="off"
              spellCheck={false}
              maxLength={80}
              onChange={(e) => setTyped(e.target.value)}
            />
          </label>
          <div className="inline-form">
            <button type="submit" className="btn btn--danger btn--small" disabled={typed.trim() !== name}>
              {t('workspace:beheer.eraseNow', { name })}
            </button>
            <button type="button" className="btn btn--quiet btn--small" onClick={() => setOpen(null)}>
              {t('workspace:beheer.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  )
}

/**
 * Inzage: the export arrives as JSON and leaves as a file. Only a short-lived blob URL exists in the
 * page; nothing goes to browser storage. The file is named by the child's id, not the nickname, because
 * the browser's download list keeps file names.
 */
async function downloadExport(base: string, childId: string): Promise<void> {
  const data = await api<unknown>(`${base}/export`)
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }))
  try {
    const a = document.createElement('a')
    a.href = url
    a.download = `inzage-${childId}.json`
    document.body.append(a)
    a.click()
    a.remove()
  } finally {
    // After the click has handed the blob to the download; revoking at once can cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}

/** A new password typed twice, with the minimum length said kindly while typing (no window.prompt). */
function PasswordForm({
  name,
  onSave,
  onCancel,
}: {
  name: string
  onSave: (password: string) => Promise<unknown>
  onCancel: () => void
}) {
  const { t } = useWorkspaceT()
  const [pw, setPw] = useState('')
  const [again, setAgain] = useState('')
  const missing = Math.max(0, MIN_PASSWORD_LENGTH - pw.length)
  const same = pw === again
  const ok = missing === 0 && same
  return (
    <form
      className="password-form"
      autoComplete="off"
      aria-label={t('workspace:beheer.newPassword', { name })}
      onSubmit={(e) => {
        e.preventDefault()
        if (ok) void onSave(pw)
      }}
    >
      <h3>{t('workspace:beheer.newPassword', { name })}</h3>
      <p className="muted">{t('workspace:beheer.passwordMin', { min: MIN_PASSWORD_LENGTH })}</p>
      <div className="inline-form">
        <label>
          {t('workspace:beheer.passwordNew')}
          <input type="password" autoComplete="new-password" value={pw} onChange={(e) => setPw(e.target.value)} />
        </label>
        <label>
          {t('workspace:beheer.passwordAgain')}
          <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
        </label>
      </div>
      <p className="password-form__hint" aria-live="polite">
        {pw.length === 0
          ? ''
          : missing > 0
            ? t('workspace:beheer.passwordMore', { count: missing })
            : !same && again.length > 0
              ? t('workspace:beheer.passwordMismatch')
              : same
                ? t('workspace:beheer.passwordGood')
                : t('workspace:beheer.passwordLongEnough')}
      </p>
      <p className="muted">{t('workspace:beheer.passwordEndsSessions', { name })}</p>
      <div className="inline-form">
        <button type="submit" className="btn btn--primary btn--small" disabled={!ok}>
          {t('workspace:beheer.passwordSave')}
        </button>
        <button type="button" className="btn btn--quiet btn--small" onClick={onCancel}>
          {t('workspace:beheer.cancel')}
        </button>
      </div>
    </form>
  )
}

function NewTeam({ onCreate }: { onCreate: (name: string) => Promise<boolean> }) {
  const { t } = useWorkspaceT()
  const [name, setName] = useState('')
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault()
        void onCreate(name).then((ok) => ok && setName(''))
      }}
    >
      <label>
        {t('workspace:beheer.teamName')}
        <input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} required />
      </label>
      <button type="submit" className="btn btn--soft">
        {t('workspace:beheer.newTeam')}
      </button>
    </form>
  )
}

function NewPerson({
  teams,
  onCreate,
}: {
  teams: BeheerOut['teams']
  onCreate: (body: {
    teamId: string
    username: string
    displayName: string
    password: string
    admin: boolean
  }) => Promise<boolean>
}) {
  const { t } = useWorkspaceT()
  const [form, setForm] = useState({
    teamId: teams[0]?.id ?? '',
    username: '',
    displayName: '',
    password: '',
    admin: false,
  })
  return (
    <form
      className="stack new-person"
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault()
        void onCreate(form).then(
          (ok) => ok && setForm({ ...form, username: '', displayName: '', password: '', admin: false }),
        )
      }}
    >
      <h3>{t('workspace:beheer.newPerson')}</h3>
      <label>
        {t('workspace:beheer.displayName')}
        <input
          value={form.displayName}
          maxLength={60}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          required
        />
      </label>
      <label>
        {t('workspace:beheer.username')}
        <input
          value={form.username}
          maxLength={40}
          onChange={(e) => setForm({ ...form, username: e.target.value })}
          required
        />
      </label>
      <label>
        {t('workspace:beheer.password')}
        <input
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          required
        />
      </label>
      <label>
        {t('workspace:beheer.team')}
        <select value={form.teamId} onChange={(e) => setForm({ ...form, teamId: e.target.value })}>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={form.admin} onChange={(e) => setForm({ ...form, admin: e.target.checked })} />{' '}
        {t('workspace:beheer.admin')}
      </label>
      <button type="submit" className="btn btn--primary">
        {t('workspace:beheer.create')}
      </button>
    </form>
  )
}
