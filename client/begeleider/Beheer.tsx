import { useCallback, useEffect, useState } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { BeheerOut } from '../../dialogs/contract/workspace'
import { api, ApiError } from '../net/api'
import { formatDay, useWorkspaceT } from './words'

/** /begeleider/beheer: teams, accounts and warm handovers of the admin's own organisation. */
export function Beheer() {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<BeheerOut | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  const [done, setDone] = useState(false)
  const fail = useCallback((e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'), [])
  const load = useCallback(() => {
    api<BeheerOut>('/api/beheer').then(setData, fail)
  }, [fail])
  useEffect(load, [load])
  const act = (path: string, body: unknown = {}) => {
    setError(null)
    setDone(false)
    return api(path, { body }).then(() => {
      setDone(true)
      load()
    }, fail)
  }
  if (!data)
    return error ? <p className="form-error">{t(`errors:${error}`)}</p> : <p className="muted">{t('common:loading')}</p>
  const teamName = (id: string) => data.teams.find((x) => x.id === id)?.name ?? '—'
  const personName = (id: string) => data.begeleiders.find((x) => x.id === id)?.displayName ?? '—'
  const childName = (id: string) => data.children.find((x) => x.id === id)?.nickname ?? '—'

  return (
    <div className="beheer">
      <h1>{t('workspace:beheer.title', { org: data.organisation })}</h1>
      <p role="status" className="beheer__status">
        {error && <span className="form-error">{t(`errors:${error}`)}</span>}
        {done && !error && <span className="muted">{t('workspace:beheer.done')}</span>}
      </p>
      <div className="beheer__grid">
        <section className="panel">
          <h2>{t('workspace:beheer.people')}</h2>
          <table className="table">
            <tbody>
              {data.begeleiders.map((b) => (
                <tr key={b.id} className={b.active ? '' : 'is-inactive'}>
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
                    {b.active ? (
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
                      onClick={() => {
                        const pw = window.prompt(t('workspace:beheer.newPassword', { name: b.displayName }))
                        if (pw) void act(`/api/beheer/begeleiders/${b.id}/password`, { password: pw })
                      }}
                    >
                      {t('workspace:beheer.resetPassword')}
                    </button>
                  </td>
                </tr>
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
        <table className="table">
          <tbody>
            {data.children.map((c) => (
              <MoveRow key={c.id} child={c} data={data} onMove={(to) => act(`/api/beheer/children/${c.id}/move`, to)} />
            ))}
          </tbody>
        </table>
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

function MoveRow({
  child,
  data,
  onMove,
}: {
  child: BeheerOut['children'][number]
  data: BeheerOut
  onMove: (to: { teamId: string; begeleiderId: string }) => Promise<void>
}) {
  const { t } = useWorkspaceT()
  const [to, setTo] = useState('')
  const options = data.begeleiders.filter((b) => b.active && b.id !== child.begeleiderId)
  const current = data.begeleiders.find((b) => b.id === child.begeleiderId)
  return (
    <tr>
      <td>
        <strong>{child.nickname}</strong>{' '}
        <span className="muted">{t(`common:begeleider.ageBands.${child.ageBand}`)}</span>
      </td>
      <td className="muted">
        {current?.displayName} · {data.teams.find((x) => x.id === child.teamId)?.name}
      </td>
      <td className="table__actions">
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
            if (b) void onMove({ teamId: b.teamId, begeleiderId: b.id }).then(() => setTo(''))
          }}
        >
          {t('workspace:beheer.move')}
        </button>
      </td>
    </tr>
  )
}

function NewTeam({ onCreate }: { onCreate: (name: string) => Promise<void> }) {
  const { t } = useWorkspaceT()
  const [name, setName] = useState('')
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault()
        void onCreate(name).then(() => setName(''))
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
  }) => Promise<void>
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
        void onCreate(form).then(() => setForm({ ...form, username: '', displayName: '', password: '', admin: false }))
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
