import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { GesprekView } from '../../dialogs/contract/view'
import type { GesprekCommand } from '../../dialogs/framework/events'
import { joinGesprek, onGesprekView, ViewSeqs } from './join'
import { Outbox, type OutboxEntry } from './outbox'
import { createSocket } from './socket'

export type Connection = 'connecting' | 'online' | 'offline' | 'ended'

/**
 * Live state of one gesprek for any screen: joins, follows views by seq, resyncs after every
 * reconnect (never relying on socket.io's recovery), and sends commands through the outbox.
 */
export function useGesprek(gesprekId: string | null, token?: string) {
  const [view, setView] = useState<GesprekView | null>(null)
  const [connection, setConnection] = useState<Connection>('connecting')
  const [error, setError] = useState<ErrorCode | null>(null)
  const seqs = useMemo(() => new ViewSeqs(), [])
  const socket = useMemo(() => (gesprekId ? createSocket(token) : null), [gesprekId, token])
  const outbox = useMemo(
    () => (socket ? new Outbox(socket, (_e: OutboxEntry, code) => setError(code)) : null),
    [socket],
  )

  useEffect(() => {
    if (!socket || !gesprekId) return
    const accept = (seq: number, next: GesprekView | null) => {
      if (seqs.accept(gesprekId, seq) && next) setView(next)
    }
    const join = () =>
      joinGesprek(socket, gesprekId, seqs, (r) => {
        if (r.ok) {
          setConnection('online')
          return accept(r.seq, r.view)
        }
        // No answer in time: a fresh connection re-joins with the seq this screen has.
        if ('timeout' in r) return void socket.disconnect().connect()
        setError(r.error)
        if (r.error === 'not_found' || r.error === 'forbidden') setConnection('ended')
      })
    const onDisconnect = () => setConnection((c) => (c === 'ended' ? c : 'offline'))
    const onConnectError = (err: Error) => {
      if (err.message === 'not_logged_in') {
        setConnection('ended')
        setError('session_expired')
        socket.disconnect()
      } else setConnection('offline')
    }
    const onEnded = () => {
      setConnection('ended')
      setError('session_expired')
    }
    socket.on('connect', join)
    const offView = onGesprekView(
      socket,
      seqs,
      (id, seq, next) => id === gesprekId && accept(seq, next),
      (id) => id === gesprekId && join(),
    )
    socket.on('disconnect', onDisconnect)
    socket.on('connect_error', onConnectError)
    socket.on('session:ended', onEnded)
    socket.connect()
    return () => {
      socket.off('connect', join)
      offView()
      socket.off('disconnect', onDisconnect)
      socket.off('connect_error', onConnectError)
      socket.off('session:ended', onEnded)
      socket.disconnect()
    }
  }, [socket, gesprekId, seqs])

  const pending = useSyncExternalStore(
    useCallback((l: () => void) => outbox?.subscribe(l) ?? (() => undefined), [outbox]),
    () => outbox?.pending ?? EMPTY,
  )

  const send = useCallback(
    (event: GesprekCommand) => {
      if (!outbox || !gesprekId) return
      setError(null)
      outbox.push(gesprekId, event)
    },
    [outbox, gesprekId],
  )

  /** Quick exit: drop everything held in memory and close the line. */
  const wipe = useCallback(() => {
    outbox?.clear()
    socket?.disconnect()
    setView(null)
  }, [outbox, socket])

  return { view, connection, error, pending, send, wipe, clearError: () => setError(null) }
}

const EMPTY: readonly OutboxEntry[] = []
