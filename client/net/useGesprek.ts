import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import { ackOf, AckData, S2C } from '../../dialogs/contract/socket'
import type { GesprekView } from '../../dialogs/contract/view'
import type { GesprekCommand } from '../../dialogs/framework/events'
import { Outbox, type OutboxEntry } from './outbox'
import { createSocket } from './socket'

const JoinAck = ackOf(AckData['gesprek:join'])
export type Connection = 'connecting' | 'online' | 'offline' | 'ended'

/**
 * Live state of one gesprek for any screen: joins, follows views by seq, resyncs after every
 * reconnect (never relying on socket.io's recovery), and sends commands through the outbox.
 */
export function useGesprek(gesprekId: string | null, token?: string) {
  const [view, setView] = useState<GesprekView | null>(null)
  const [connection, setConnection] = useState<Connection>('connecting')
  const [error, setError] = useState<ErrorCode | null>(null)
  const seqRef = useRef(-1)
  const socket = useMemo(() => (gesprekId ? createSocket(token) : null), [gesprekId, token])
  const outbox = useMemo(
    () => (socket ? new Outbox(socket, (_e: OutboxEntry, code) => setError(code)) : null),
    [socket],
  )

  useEffect(() => {
    if (!socket || !gesprekId) return
    const accept = (seq: number, next: GesprekView | null) => {
      if (seq < seqRef.current) return
      seqRef.current = seq
      if (next) setView(next)
    }
    const join = () => {
      socket
        .timeout(8000)
        .emit(
          'gesprek:join',
          { gesprekId, lastSeq: seqRef.current >= 0 ? seqRef.current : undefined },
          (err: Error | null, raw: unknown) => {
            if (err) return socket.disconnect().connect()
            const ack = JoinAck.safeParse(raw)
            if (!ack.success) return setError('internal')
            if (!ack.data.ok) {
              setError(ack.data.error)
              if (ack.data.error === 'not_found' || ack.data.error === 'forbidden') setConnection('ended')
              return
            }
            setConnection('online')
            accept(ack.data.data.seq, ack.data.data.view)
          },
        )
    }
    const onView = (raw: unknown) => {
      const parsed = S2C['gesprek:view'].safeParse(raw)
      if (parsed.success && parsed.data.gesprekId === gesprekId) accept(parsed.data.seq, parsed.data.view)
    }
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
    socket.on('gesprek:view', onView)
    socket.on('disconnect', onDisconnect)
    socket.on('connect_error', onConnectError)
    socket.on('session:ended', onEnded)
    socket.connect()
    return () => {
      socket.off('connect', join)
      socket.off('gesprek:view', onView)
      socket.off('disconnect', onDisconnect)
      socket.off('connect_error', onConnectError)
      socket.off('session:ended', onEnded)
      socket.disconnect()
    }
  }, [socket, gesprekId])

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
