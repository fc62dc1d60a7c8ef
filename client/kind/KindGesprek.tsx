import { useEffect, useState } from 'react'
import { GesprekScreen } from './GesprekScreen'
import { loadKindSession } from './resume'
import type { KindSession } from './session'

/**
 * Everything after the join screen, in one lazy chunk (socket, outbox, contract, step screens).
 * `session` is null after a reload: the saved one is read and checked here.
 */
export default function KindGesprek({ session, onEnded }: { session: KindSession | null; onEnded: () => void }) {
  const [current] = useState(() => session ?? loadKindSession())
  useEffect(() => {
    if (!current) onEnded()
  }, [current, onEnded])
  return current ? <GesprekScreen session={current} onEnded={onEnded} /> : null
}
