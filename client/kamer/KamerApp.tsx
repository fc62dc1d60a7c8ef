import { lazy, startTransition, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import type { OutboxEntry } from '../net/outbox'
import { QuickExit } from '../ui/QuickExit'
import { LanguagePicker } from '../ui/LanguagePicker'
import { EntryScreen } from './EntryScreen'
import { lockOnServer, type LockReason } from './lock'
import { prefetchNextScreen } from '../net/prefetch'
import { loadRoom } from './room-chunk'
import './kamer.css'

// The PIN screen is the first screen: the room (socket, outbox, contract, tools) loads behind it (ADR 0008).
const Room = lazy(() => loadRoom().then((m) => ({ default: m.Room })))

type Open = { token: string; idleMs: number; fresh: boolean }

/**
 * /kamer: the jongere's own room. The kamer token lives in this component's memory only (not even
 * sessionStorage: the phone may be shared), so a reload or a closed tab asks for the PIN again.
 * The address never changes and no history entry is added: the bar only ever shows /kamer.
 */
export default function KamerApp() {
  const [open, setOpen] = useState<Open | null>(null)
  const [locked, setLocked] = useState<LockReason | null>(null)
  // Unsent work survives an idle lock in memory only, and goes out after the PIN: nothing is lost, nothing is stored (docs/kamer.md).
  const carried = useRef<readonly OutboxEntry[]>([])
  const tokenRef = useRef<string | null>(null)
  tokenRef.current = open?.token ?? null
  const wipeRoom = useRef<(() => void) | null>(null)

  // Fetched while the jongere types the PIN, so opening the kamer does not wait for it; run once the PIN
  // is sent (./room-chunk.ts): run here, it held the main thread right after the PIN screen painted.
  useEffect(prefetchNextScreen, [])

  useEffect(() => {
    // Leaving the page any other way than quick exit: no copy of the room in the back/forward cache.
    const onHide = (e: PageTransitionEvent) => {
      if (e.persisted) document.body.innerHTML = ''
    }
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) location.reload()
    }
    window.addEventListener('pagehide', onHide)
    window.addEventListener('pageshow', onShow)
    return () => {
      window.removeEventListener('pagehide', onHide)
      window.removeEventListener('pageshow', onShow)
    }
  }, [])

  const onLocked = useCallback((reason: LockReason, unsent: readonly OutboxEntry[]) => {
    if (tokenRef.current) lockOnServer(tokenRef.current)
    carried.current = [...carried.current, ...unsent]
    setOpen(null)
    setLocked(reason)
  }, [])

  const wipeAll = useCallback(() => {
    if (tokenRef.current) lockOnServer(tokenRef.current)
    wipeRoom.current?.()
    tokenRef.current = null
    carried.current = []
  }, [])
  const onStarted = useCallback(() => {
    carried.current = []
  }, [])

  return (
    <div className="app app--kamer">
      <header className="kamer-bar">
        <QuickExit wipe={wipeAll} />
        <LanguagePicker />
      </header>
      <Suspense fallback={<p className="loading">…</p>}>
        {open ? (
          <Room
            key={open.token}
            token={open.token}
            idleMs={open.idleMs}
            showSafety={open.fresh}
            carried={carried.current}
            onLocked={onLocked}
            onStarted={onStarted}
            wipeRef={wipeRoom}
          />
        ) : (
          <EntryScreen
            locked={locked}
            unsent={carried.current.length}
            onOpen={(token, idleMs, fresh) =>
              // A transition keeps the PIN screen up until the room's chunk is there.
              startTransition(() => {
                setLocked(null)
                setOpen({ token, idleMs, fresh })
              })
            }
          />
        )}
      </Suspense>
    </div>
  )
}
