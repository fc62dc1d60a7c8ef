import type { ErrorCode } from '../../dialogs/contract/errors'
import { S2C } from '../../dialogs/contract/socket'
import type { GesprekView } from '../../dialogs/contract/view'
import type { GesprekCommand } from '../../dialogs/framework/events'
import { joinGesprek, onGesprekView, ViewSeqs } from './join'
import { Outbox, type OutboxEntry } from './outbox'
import { createSocket, type AppSocket } from './socket'

export type Connection = 'connecting' | 'online' | 'offline' | 'ended'

export type LineSnapshot = {
  connection: Connection
  error: ErrorCode | null
  /** The latest view of every gesprek this line follows, by id. Replaced, never mutated. */
  views: Readonly<Record<string, GesprekView>>
  pending: readonly OutboxEntry[]
  /** Later screens waiting for this (the child's own) screen to say yes (ADR 0010). */
  pendingDevices: readonly string[]
}

/**
 * The one socket lifecycle of every screen (the child's gesprek, the kamer, the begeleider): one
 * socket, one in-memory outbox, the gesprekken it follows. It joins them on every connect with the
 * seq it already has (never relying on socket.io's recovery), keeps only views that are not older,
 * retries a join that got no answer on a fresh connection, and ends when the server says the
 * session is over. React reads it as an external store (useLine in the hooks).
 */
export class GesprekLine {
  readonly socket: AppSocket
  readonly outbox: Outbox
  private readonly seqs = new ViewSeqs()
  private readonly joined = new Set<string>()
  private snap: LineSnapshot = { connection: 'connecting', error: null, views: {}, pending: [], pendingDevices: [] }
  private readonly listeners = new Set<() => void>()
  private offView: (() => void) | null = null

  constructor(token?: string) {
    this.socket = createSocket(token)
    this.outbox = new Outbox(this.socket, (_e, code) => this.set({ error: code }))
    this.outbox.subscribe(() => this.set({ pending: this.outbox.pending }))
  }

  get snapshot(): LineSnapshot {
    return this.snap
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }

  /** Connects and follows; `carried` are commands kept across an idle lock, sent after the PIN. */
  start(carried: readonly OutboxEntry[] = []): void {
    this.socket.on('connect', this.onConnect)
    this.socket.on('disconnect', this.onDisconnect)
    this.socket.on('connect_error', this.onConnectError)
    this.socket.on('session:ended', this.onEnded)
    this.socket.on('gesprek:ended', this.onGesprekEnded)
    this.socket.on('devices:pending', this.onPending)
    // Views and patches: `seqs` holds the view a patch applies on; a patch that does not follow on re-joins.
    this.offView = onGesprekView(
      this.socket,
      this.seqs,
      (id, seq, view) => this.accept(id, seq, view),
      (id) => this.joined.has(id) && this.join(id),
    )
    this.socket.connect()
    this.outbox.requeue(carried)
  }

  stop(): void {
    this.socket.off('connect', this.onConnect)
    this.socket.off('disconnect', this.onDisconnect)
    this.socket.off('connect_error', this.onConnectError)
    this.socket.off('session:ended', this.onEnded)
    this.socket.off('gesprek:ended', this.onGesprekEnded)
    this.socket.off('devices:pending', this.onPending)
    this.offView?.()
    this.offView = null
    this.socket.disconnect()
  }

  /** Follow one more gesprek (now if connected, else on the next connect). */
  join(gesprekId: string): void {
    this.joined.add(gesprekId)
    if (!this.socket.connected) return
    joinGesprek(this.socket, gesprekId, this.seqs, (r) => {
      if (r.ok) {
        this.set({ connection: 'online' })
        return this.accept(gesprekId, r.seq, r.view)
      }
      // No answer in time: a fresh connection re-joins everything with the seqs this screen has.
      if ('timeout' in r) return void this.socket.disconnect().connect()
      this.set({ error: r.error })
      if (r.error === 'not_found' || r.error === 'forbidden') this.set({ connection: 'ended' })
    })
  }

  send(gesprekId: string, event: GesprekCommand): void {
    this.set({ error: null })
    this.outbox.push(gesprekId, event)
  }

  /** The child's answer to "Mag dit scherm ook meedoen?"; the server sends the new list afterwards. */
  answerDevice(gesprekId: string, deviceId: string, allow: boolean): void {
    this.set({ pendingDevices: this.snap.pendingDevices.filter((d) => d !== deviceId) })
    this.socket.timeout(5000).emit('device:answer', { gesprekId, deviceId, allow }, () => undefined)
  }

  clearError(): void {
    this.set({ error: null })
  }

  /** Lock or logout: hand back what was not sent yet, forget it here and close the line. */
  takeUnsent(): readonly OutboxEntry[] {
    const unsent = this.outbox.pending
    this.outbox.clear()
    this.socket.disconnect()
    return unsent
  }

  /** Quick exit: drop everything held in memory and close the line. */
  wipe(): void {
    this.outbox.clear()
    this.socket.disconnect()
    this.seqs.clear()
    this.set({ views: {} })
  }

  private accept(gesprekId: string, seq: number, view: GesprekView | null) {
    if (!this.joined.has(gesprekId) || !this.seqs.accept(gesprekId, seq) || !view) return
    this.set({ views: { ...this.snap.views, [gesprekId]: view } })
  }

  private set(patch: Partial<LineSnapshot>) {
    // An ended line stays ended: a late disconnect must not turn it back into "offline".
    if (this.snap.connection === 'ended' && patch.connection && patch.connection !== 'ended') delete patch.connection
    this.snap = { ...this.snap, ...patch }
    for (const l of this.listeners) l()
  }

  private readonly onConnect = () => {
    if (this.joined.size === 0) this.set({ connection: 'online' })
    for (const id of this.joined) this.join(id)
  }
  private readonly onDisconnect = () => this.set({ connection: 'offline' })
  private readonly onConnectError = (err: Error) => {
    if (err.message !== 'not_logged_in') return this.set({ connection: 'offline' })
    this.set({ connection: 'ended', error: 'session_expired' })
    this.socket.disconnect()
  }
  // A right ended (logout, the end of the gesprek, a revoked device): nothing of the answers stays on screen.
  private readonly onEnded = () => {
    this.seqs.clear()
    this.set({ views: {}, connection: 'ended', error: 'session_expired' })
  }
  private readonly onGesprekEnded = (raw: unknown) => {
    const id = (raw as { gesprekId?: unknown } | null)?.gesprekId
    if (typeof id !== 'string' || !this.joined.has(id)) return
    this.seqs.forget(id)
    const views = { ...this.snap.views }
    delete views[id]
    this.set({ views, connection: 'ended', error: 'not_found' })
  }
  private readonly onPending = (raw: unknown) => {
    const parsed = S2C['devices:pending'].safeParse(raw)
    if (parsed.success && this.joined.has(parsed.data.gesprekId))
      this.set({ pendingDevices: parsed.data.devices.map((d) => d.deviceId) })
  }
}
