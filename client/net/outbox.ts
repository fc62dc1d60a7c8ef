import { ackOf, AckData } from '../../dialogs/contract/socket'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { GesprekCommand } from '../../dialogs/framework/events'
import type { AppSocket } from './socket'
import i18next from 'i18next'
import { isLang } from '../../dialogs/contract/languages'

/** Each answer carries the language it was given in: the begeleider reads it as the child gave it. */
function withLanguage(event: GesprekCommand): GesprekCommand {
  const lang = i18next.language
  if (event.type !== 'item.add' || event.item.lang || !isLang(lang)) return event
  return { ...event, item: { ...event.item, lang } }
}

export type OutboxEntry = { clientMsgId: string; gesprekId: string; event: GesprekCommand }
type Listener = () => void

const CommandAck = ackOf(AckData['gesprek:command'])
/** These answers will not change by trying again; anything else (timeouts, busy) is retried. */
const FINAL: readonly ErrorCode[] = [
  'invalid_payload',
  'unknown_event',
  'forbidden',
  'not_found',
  'not_allowed_now',
  'payload_too_large',
]

export const newMsgId = () => crypto.randomUUID().replace(/-/g, '')

/**
 * Commands wait here, in memory only (never browser storage), until the server acks them after its
 * durable commit. Sent one at a time in order; retried with backoff and jitter; the server dedupes
 * by clientMsgId, so a retry after a lost ack is stored once (docs/architecture.md: answers are never lost).
 */
export class Outbox {
  // Replaced, never mutated: React reads it as an external store snapshot.
  private queue: readonly OutboxEntry[] = []
  private sending = false
  private attempt = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private listeners = new Set<Listener>()

  constructor(
    private readonly socket: AppSocket,
    private readonly onRejected: (entry: OutboxEntry, code: ErrorCode) => void,
    private readonly ackTimeoutMs = 8000,
  ) {
    socket.on('connect', () => {
      this.attempt = 0
      this.pump()
    })
  }

  get pending(): readonly OutboxEntry[] {
    return this.queue
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }

  push(gesprekId: string, command: GesprekCommand): string {
    const clientMsgId = newMsgId()
    const event = withLanguage(command)
    this.queue = [...this.queue, { clientMsgId, gesprekId, event }]
    this.changed()
    this.pump()
    return clientMsgId
  }

  /**
   * Puts back entries kept across a re-login (the kamer's idle lock), with their own clientMsgIds:
   * if the server had stored one before the line dropped, it answers with the original ack.
   */
  requeue(entries: readonly OutboxEntry[]): void {
    if (entries.length === 0) return
    this.queue = [...this.queue, ...entries]
    this.changed()
    this.pump()
  }

  /** Quick exit and logout: forget everything unsent. */
  clear(): void {
    this.queue = []
    clearTimeout(this.timer)
    this.changed()
  }

  private changed() {
    for (const l of this.listeners) l()
  }

  private pump() {
    if (this.sending || this.queue.length === 0 || !this.socket.connected) return
    const entry = this.queue[0]!
    this.sending = true
    this.socket.timeout(this.ackTimeoutMs).emit('gesprek:command', entry, (err: Error | null, raw: unknown) => {
      this.sending = false
      const ack = err ? null : CommandAck.safeParse(raw)
      if (ack?.success && (ack.data.ok || FINAL.includes(ack.data.error))) {
        this.queue = this.queue.slice(1)
        if (!ack.data.ok) this.onRejected(entry, ack.data.error)
        this.attempt = 0
        this.changed()
        this.pump()
        return
      }
      // Lost, timed out or busy: try again later; the same clientMsgId makes it safe.
      this.attempt++
      const delay = Math.min(10_000, 300 * 2 ** this.attempt) * (0.5 + Math.random())
      clearTimeout(this.timer)
      this.timer = setTimeout(() => this.pump(), delay)
    })
  }
}
