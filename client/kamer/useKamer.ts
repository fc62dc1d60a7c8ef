import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { KamerGesprek, KamerMe } from '../../dialogs/contract/kamer'
import type { GesprekView } from '../../dialogs/contract/view'
import type { GesprekCommand } from '../../dialogs/framework/events'
import { api, ApiError } from '../net/api'
import { joinGesprek, onGesprekView, ViewSeqs } from '../net/join'
import { Outbox, type OutboxEntry } from '../net/outbox'
import { createSocket } from '../net/socket'
import type { LockReason } from './lock'

export type KamerLine = 'connecting' | 'online' | 'offline'

/**
 * One open kamer: one socket authenticated with the kamer token (held in memory by the caller,
 * never in storage), one in-memory outbox for every kamer gesprek, and the latest view of each.
 * The token, views and outbox die with this hook: a reload asks for the PIN again.
 */
export function useKamer(
  token: string,
  carried: readonly OutboxEntry[],
  onLocked: (r: LockReason, unsent: readonly OutboxEntry[]) => void,
) {
  const [me, setMe] = useState<KamerMe | null>(null)
  const [views, setViews] = useState<Record<string, GesprekView>>({})
  const [line, setLine] = useState<KamerLine>('connecting')
  const [error, setError] = useState<ErrorCode | null>(null)
  const seqs = useRef(new ViewSeqs())
  const joined = useRef(new Set<string>())
  const socket = useMemo(() => createSocket(token), [token])
  const outbox = useMemo(() => new Outbox(socket, (_e, code) => setError(code)), [socket])
  const lockedRef = useRef(onLocked)
  lockedRef.current = onLocked

  const lock = useCallback(
    (reason: LockReason) => {
      const unsent = outbox.pending
      outbox.clear()
      socket.disconnect()
      lockedRef.current(reason, unsent)
    },
    [outbox, socket],
  )

  const join = useCallback(
    (gesprekId: string) => {
      joined.current.add(gesprekId)
      if (!socket.connected) return
      // A join that times out is retried by the next reconnect.
      joinGesprek(socket, gesprekId, seqs.current, (r) => {
        if (r.ok) accept(gesprekId, r.seq, r.view)
        else if ('error' in r) setError(r.error)
      })
    },
    [socket],
  )

  function accept(gesprekId: string, seq: number, view: GesprekView | null) {
    if (!seqs.current.accept(gesprekId, seq)) return
    if (view) setViews((v) => ({ ...v, [gesprekId]: view }))
  }

  useEffect(() => {
    api<KamerMe>('/api/kamer/me', { token }).then(
      (m) => {
        setMe(m)
        for (const g of m.gesprekken) join(g.id)
      },
      (e: unknown) => (e instanceof ApiError && e.code === 'session_expired' ? lock('ended') : setError('internal')),
    )
  }, [token, join, lock])

  useEffect(() => {
    const onConnect = () => {
      setLine('online')
      for (const id of joined.current) join(id)
    }
    const onDisconnect = () => setLine('offline')
    const onConnectError = (err: Error) => (err.message === 'not_logged_in' ? lock('ended') : setLine('offline'))
    const onEnded = () => lock('ended')
    socket.on('connect', onConnect)
    const offView = onGesprekView(socket, seqs.current, accept, join)
    socket.on('disconnect', onDisconnect)
    socket.on('connect_error', onConnectError)
    socket.on('session:ended', onEnded)
    socket.connect()
    outbox.requeue(carried)
    return () => {
      socket.off('connect', onConnect)
      offView()
      socket.off('disconnect', onDisconnect)
      socket.off('connect_error', onConnectError)
      socket.off('session:ended', onEnded)
      socket.disconnect()
    }
    // carried is read once, when this kamer visit starts
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [socket, outbox, join, lock])

  const pending = useSyncExternalStore(
    useCallback((l: () => void) => outbox.subscribe(l), [outbox]),
    () => outbox.pending,
  )

  // Closing the tab with unsent work: the browser asks first (REL-03). Nothing is saved on the phone.
  useEffect(() => {
    if (pending.length === 0) return
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      e.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [pending.length])

  const send = useCallback(
    (gesprekId: string, event: GesprekCommand) => {
      setError(null)
      outbox.push(gesprekId, event)
    },
    [outbox],
  )

  /** The kamer gesprek for a tool, made on first use; continues across visits. */
  const openTool = useCallback(
    async (toolId: string): Promise<string> => {
      const known = me?.gesprekken.find((g) => g.toolId === toolId)
      if (known) return known.id
      const made = await api<KamerGesprek>('/api/kamer/gesprekken', { token, body: { toolId } })
      setMe((m) => (m ? { ...m, gesprekken: [...m.gesprekken, made] } : m))
      join(made.id)
      return made.id
    },
    [me, token, join],
  )

  /** Quick exit: forget everything in memory and close the line; the server revokes the token. */
  const wipe = useCallback(() => {
    outbox.clear()
    socket.disconnect()
    setViews({})
    setMe(null)
  }, [outbox, socket])

  return { me, views, line, error, pending, send, openTool, wipe, lock, clearError: () => setError(null) }
}
