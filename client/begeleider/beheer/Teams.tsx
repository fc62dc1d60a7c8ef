import { useState } from 'react'
import type { BeheerOut } from '../../../dialogs/contract/workspace'
import { apiClient } from '../../net/api-client'
import { useWorkspaceT } from '../words'
import type { Act } from './act'

/** The organisation's teams, and a new one. */
export function Teams({ teams, act }: { teams: BeheerOut['teams']; act: Act }) {
  const { t } = useWorkspaceT()
  return (
    <section className="panel">
      <h2>{t('workspace:beheer.teams')}</h2>
      <ul>
        {teams.map((team) => (
          <li key={team.id}>{team.name}</li>
        ))}
      </ul>
      <NewTeam onCreate={(name) => act(() => apiClient.beheer.newTeam(name))} />
    </section>
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
