import { useState } from 'react'
import { GesprekScreen } from './GesprekScreen'
import { JoinScreen } from './JoinScreen'
import { clearKindSession, loadKindSession, type KindSession } from './session'
import { QuickExit } from '../ui/QuickExit'

export default function KindApp() {
  const [session, setSession] = useState<KindSession | null>(loadKindSession)
  if (!session)
    return (
      <div className="app app--kind">
        <QuickExit />
        <JoinScreen onJoined={setSession} />
      </div>
    )
  return (
    <GesprekScreen
      session={session}
      onEnded={() => {
        clearKindSession()
        setSession(null)
      }}
    />
  )
}
