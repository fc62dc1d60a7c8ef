import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react'
import type { KamerMe } from '../../dialogs/contract/kamer'
import type { GesprekCommand } from '../../dialogs/framework/events'
import { ApiError, loadApiClient } from '../net/api'
import { GesprekLine } from '../net/line'
import type { OutboxEntry } from '../net/outbox'
import { useLine } from '../net/useGesprek'
import type { LockReason } from './lock'

export type KamerLine = 'connecting' | 'online' | 'offline'

/**
 * One open kamer: one GesprekLine authenticated with the kamer token (held in memory by the caller,
 * never in storage) following every kamer gesprek, with one in-memory outbox. The token, views and
 * outbox die with this hook: a reload asks for the PIN again.
 */
export function useKamer(
  token: string,
  carried: readonly OutboxEntry[],
  onLocked: (r: LockReason, unsent: readonly OutboxEntry[]) => void,
) {
  const [me, setMe] = useState<KamerMe | null>(null)
  const [meError, setMeError] = useState(false)
  const line = useMemo(() => new GesprekLine(token), [token])
  const snap = useLine(line)
  const lockedRef = useRef(onLocked)
  lockedRef.current = onLocked

  const lock = useCallback((reason: LockReason) => lockedRef.current(reason, line.takeUnsent()), [line])

  useEffect(() => {
    loadApiClient()
      .then((c) => c.kamer.me(token))
      .then(
        (m) => {
          setMe(m)
          for (const g of m.gesprekken) line.join(g.id)
        },
        (e: unknown) => (e instanceof ApiError && e.code === 'session_expired' ? lock('ended') : setMeError(true)),
      )
  }, [token, line, lock])

  // What was unsent is handed over once, when this kamer visit's line starts, not on every new array.
  const start = useEffectEvent((l: GesprekLine) => l.start(carried))
  useEffect(() => {
    start(line)
    return () => line.stop()
  }, [line])

  // The server ended the session (token revoked, expired): the kamer locks, keeping what was unsent.
  useEffect(() => {
    if (snap.connection === 'ended') lock('ended')
  }, [snap.connection, lock])

  const pending = snap.pending
  // Closing the tab with unsent work: the browser asks first, so nothing is lost; nothing is saved on the phone either.
  useEffect(() => {
    if (pending.length === 0) return
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      e.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [pending.length])

  const send = useCallback((gesprekId: string, event: GesprekCommand) => line.send(gesprekId, event), [line])

  /** The kamer gesprek for a tool, made on first use; continues across visits. */
  const openTool = useCallback(
    async (toolId: string): Promise<string> => {
      const known = me?.gesprekken.find((g) => g.toolId === toolId)
      if (known) return known.id
      const made = await (await loadApiClient()).kamer.newGesprek(token, toolId)
      setMe((m) => (m ? { ...m, gesprekken: [...m.gesprekken, made] } : m))
      line.join(made.id)
      return made.id
    },
    [me, token, line],
  )

  /** Quick exit: forget everything in memory and close the line; the server revokes the token. */
  const wipe = useCallback(() => {
    line.wipe()
    setMe(null)
  }, [line])

  const connection: KamerLine = snap.connection === 'ended' ? 'offline' : snap.connection
  return {
    me,
    views: snap.views,
    line: connection,
    error: snap.error ?? (meError ? ('internal' as const) : null),
    pending,
    send,
    openTool,
    wipe,
    lock,
    clearError: () => {
      setMeError(false)
      line.clearError()
    },
  }
}
