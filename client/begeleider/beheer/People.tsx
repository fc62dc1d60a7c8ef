import { Fragment, useState } from 'react'
import { MIN_PASSWORD_LENGTH, type BeheerOut } from '../../../dialogs/contract/workspace'
import { apiClient } from '../../net/api-client'
import { useWorkspaceT } from '../words'
import type { Act } from './act'

/** The organisation's accounts: who is active, their sessions, a new password, a new account. */
export function People({ data, meId, act }: { data: BeheerOut; meId: string; act: Act }) {
  const { t } = useWorkspaceT()
  const [resetFor, setResetFor] = useState<string | null>(null)
  const teamName = (id: string) => data.teams.find((x) => x.id === id)?.name ?? '—'
  return (
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
                      onClick={() => void act(() => apiClient.beheer.deactivate(b.id))}
                    >
                      {t('workspace:beheer.deactivate')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="btn btn--quiet btn--small"
                      onClick={() => void act(() => apiClient.beheer.activate(b.id))}
                    >
                      {t('workspace:beheer.activate')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn--quiet btn--small"
                    onClick={() => void act(() => apiClient.beheer.endSessions(b.id))}
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
                          () => apiClient.beheer.setPassword(b.id, password),
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
      <NewPerson teams={data.teams} onCreate={(body) => act(() => apiClient.beheer.newBegeleider(body))} />
    </section>
  )
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
