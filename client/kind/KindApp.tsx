import { lazy, startTransition, Suspense, useCallback, useEffect, useState } from 'react'
import { JoinScreen } from './JoinScreen'
import { clearKindSession, hasSavedKindSession, type KindSession } from './session'
import { QuickExit } from '../ui/QuickExit'
import { LanguagePicker } from '../ui/LanguagePicker'
// The child screens' shell (text size, top bar, read-aloud sizes) with the first screen, not with the
// gesprek's chunk: arriving later, it re-wrapped the join screen's bar while the child looked at it (a
// layout shift, docs/performance.md).
import '../steps/child-screen.css'

// The join screen is the first screen: the gesprek (socket, zod, step screens) loads behind it (ADR 0008).
const loadGesprek = () => import('./KindGesprek')
const KindGesprek = lazy(loadGesprek)

/** 'saved': a reload found a session in this tab; the gesprek chunk checks it before using it. */
type State = KindSession | 'saved' | null

export default function KindApp() {
  const [session, setSession] = useState<State>(() => (hasSavedKindSession() ? 'saved' : null))
  const joined = !!session
  // Fetched while the child types the code, so joining does not wait for it.
  useEffect(() => {
    if (!joined) void loadGesprek()
  }, [joined])
  const onEnded = useCallback(() => {
    clearKindSession()
    setSession(null)
  }, [])

  if (!session)
    return (
      <div className="app app--kind">
        <header className="kind-bar kind-bar--join">
          <QuickExit />
          <LanguagePicker />
        </header>
        {/* A transition keeps the join screen up until the gesprek's chunk is there. */}
        <JoinScreen onJoined={(s) => startTransition(() => setSession(s))} />
      </div>
    )
  return (
    // After a reload the chunk loads first: quick exit is there meanwhile.
    <Suspense
      fallback={
        <div className="app app--kind">
          <QuickExit />
          <p className="loading">…</p>
        </div>
      }
    >
      <KindGesprek session={session === 'saved' ? null : session} onEnded={onEnded} />
    </Suspense>
  )
}
