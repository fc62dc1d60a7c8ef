import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { GesprekCommand } from '../../dialogs/framework/events'
import { GesprekLine, type LineSnapshot } from './line'

const IDLE: LineSnapshot = { connection: 'connecting', error: null, views: {}, pending: [], pendingDevices: [] }

/** A line's snapshot in React; a null line (nothing to follow yet) reads as idle. */
export function useLine(line: GesprekLine | null): LineSnapshot {
  return useSyncExternalStore(
    useCallback((l: () => void) => line?.subscribe(l) ?? (() => undefined), [line]),
    () => line?.snapshot ?? IDLE,
  )
}

/**
 * Live state of one gesprek for any screen (the child's device, the begeleider's live view): one
 * GesprekLine following one gesprek, commands through its outbox.
 */
export function useGesprek(gesprekId: string | null, token?: string) {
  const line = useMemo(() => (gesprekId ? new GesprekLine(token) : null), [gesprekId, token])
  useEffect(() => {
    if (!line || !gesprekId) return
    line.start()
    line.join(gesprekId)
    return () => line.stop()
  }, [line, gesprekId])
  const snap = useLine(line)

  const send = useCallback(
    (event: GesprekCommand) => {
      if (line && gesprekId) line.send(gesprekId, event)
    },
    [line, gesprekId],
  )

  /** The child's answer to "Mag dit scherm ook meedoen?". */
  const answerDevice = useCallback(
    (deviceId: string, allow: boolean) => {
      if (line && gesprekId) line.answerDevice(gesprekId, deviceId, allow)
    },
    [line, gesprekId],
  )

  /** Quick exit: drop everything held in memory and close the line. */
  const wipe = useCallback(() => line?.wipe(), [line])

  return {
    view: gesprekId ? (snap.views[gesprekId] ?? null) : null,
    connection: snap.connection,
    error: snap.error,
    pending: snap.pending,
    send,
    wipe,
    pendingDevices: snap.pendingDevices,
    answerDevice,
    clearError: () => line?.clearError(),
  }
}
