import { useCallback, useState } from 'react'

/** Per id (a checklist item, a person, a task): on or off. */
export type Taps = Readonly<Record<string, boolean>>

/** The taps the server does not say yet; the same object when none was confirmed, so nothing re-renders. */
export function unconfirmed(taps: Taps, server: Taps): Taps {
  const open = Object.entries(taps).filter(([id, on]) => server[id] !== on)
  return open.length === Object.keys(taps).length ? taps : Object.fromEntries(open)
}

export function withoutTap(taps: Taps, id: string): Taps {
  if (!(id in taps)) return taps
  const { [id]: _, ...rest } = taps
  return rest
}

/**
 * A box answers the hand, not the network: a tap shows at once and holds until the server says the
 * same, so it does not flicker back between the tap and the server's answer. A tap sent as a request
 * holds at most until that request settles: then what the server says is shown, agreeing or not (a
 * refusal, another device). `server` is what the server says now, per id.
 */
export function useTapUntilConfirmed(server: Taps) {
  const [taps, setTaps] = useState<Taps>({})
  // A confirmed tap goes in this very render (React's way of adjusting state to new props), so a later
  // change from elsewhere shows as it is.
  const open = unconfirmed(taps, server)
  if (open !== taps) setTaps(open)

  const tap = useCallback((id: string, on: boolean, request?: PromiseLike<unknown>) => {
    setTaps((m) => ({ ...m, [id]: on }))
    // A later tap on the same box holds until its own request settles.
    const settle = () => setTaps((m) => (m[id] === on ? withoutTap(m, id) : m))
    request?.then(settle, settle)
  }, [])
  /** What the box shows: the tap while it holds, else `now` (what the screen shows without one). */
  const shown = (id: string, now: boolean) => open[id] ?? now
  return { shown, tap }
}
