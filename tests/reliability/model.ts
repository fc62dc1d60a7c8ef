import type { GesprekView } from '../../dialogs/contract/view'
import type { GesprekCommand, GesprekEvent } from '../../dialogs/framework/events'
import { connect, connected, emitAck, type TestSocket } from '../helpers/server'
import type { StoredEvent } from './proc'

/**
 * One simulated gesprek as the client's outbox sees it: commands go out one at a time, in order,
 * and an unacked command is retried with the same clientMsgId until it is acked (client/net/outbox.ts).
 */
export class SimGesprek {
  /** Every command ever sent, in order; `acked` of them are acknowledged. */
  readonly ids: string[] = []
  readonly events: GesprekCommand[] = []
  acked = 0
  /** Highest seq relayed to the begeleider; relays happen after the commit, so the database holds at least this. */
  maxRelayed = 0
  /** A command is out and its ack has not arrived yet. */
  inFlight = false
  relayOrderBroken = false
  kid: TestSocket | null = null
  beg: TestSocket | null = null

  constructor(
    readonly index: number,
    readonly gesprekId: string,
    readonly childId: string,
    readonly token: string,
    private readonly limit = 300,
  ) {}

  get done() {
    return this.acked >= this.limit
  }

  /** The command at position i, made up deterministically: adds, updates and removes that depend on order. */
  command(i: number): { clientMsgId: string; event: GesprekCommand } {
    while (this.events.length <= i) {
      const n = this.events.length
      const item = (k: number) => `item-${this.index}-${k}`
      let event: GesprekCommand
      if (n === 0) event = { type: 'nav.next' }
      else if (n % 5 === 4)
        event = { type: 'item.update', itemId: item(n - 1), patch: { text: `anders ${this.index}.${n}` } }
      else if (n % 5 === 0) event = { type: 'item.remove', itemId: item(n - 4) }
      else event = { type: 'item.add', item: { id: item(n), text: `antwoord ${this.index}.${n}` } }
      this.events.push(event)
      this.ids.push(`m-${this.index}-${n}-${Math.random().toString(36).slice(2, 10)}`)
    }
    return { clientMsgId: this.ids[i]!, event: this.events[i]! }
  }

  /** Connects the child and the begeleider socket (through `url`, which may be a fault proxy). */
  async connect(url: string, cookie: string, opts: { reconnection?: boolean; timeoutMs?: number } = {}) {
    this.kid = connect(url, { token: this.token })
    this.beg = connect(url, { cookie })
    if (opts.reconnection) for (const s of [this.kid, this.beg]) s.io.reconnection(true)
    const relayed = (p: { gesprekId: string; seq: number }) => {
      if (p.gesprekId !== this.gesprekId) return
      if (p.seq < this.maxRelayed) this.relayOrderBroken = true
      this.maxRelayed = Math.max(this.maxRelayed, p.seq)
    }
    // Whole views and patches alike carry the seq they bring the screen to.
    this.beg.on('gesprek:view', relayed)
    this.beg.on('gesprek:patch', relayed)
    const both = Promise.all([connected(this.kid), connected(this.beg)])
    if (!opts.timeoutMs) return void (await both)
    // Behind a fault proxy a handshake can vanish without an error: give up and let the caller retry.
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('connect timed out')), opts.timeoutMs)
    })
    try {
      await Promise.race([both, late])
    } catch (err) {
      both.catch(() => undefined)
      this.disconnect()
      throw err
    } finally {
      clearTimeout(timer)
    }
  }

  disconnect() {
    this.kid?.disconnect()
    this.beg?.disconnect()
    this.kid = this.beg = null
  }

  /**
   * Sends the next command (or retries the unacked one). Returns 'ok', 'retry' (timeout, rate limit,
   * server going away) or throws when the server answers something that can only mean a bug.
   */
  async step(timeoutMs = 2000): Promise<'ok' | 'retry'> {
    const socket = this.kid
    if (!socket?.connected) return 'retry'
    const i = this.acked
    const { clientMsgId, event } = this.command(i)
    let ack: { ok: boolean; data?: { seq: number }; error?: string }
    this.inFlight = true
    try {
      ack = await emitAck(socket, 'gesprek:command', { gesprekId: this.gesprekId, clientMsgId, event }, timeoutMs)
    } catch {
      return 'retry'
    } finally {
      this.inFlight = false
    }
    if (ack.ok) {
      // Only the child writes here, so the n-th command must be stored as seq n (order, no gaps, no doubles).
      if (ack.data?.seq !== i + 1) throw new Error(`gesprek ${this.index}: command ${i} acked as seq ${ack.data?.seq}`)
      this.acked = i + 1
      return 'ok'
    }
    if (ack.error === 'rate_limited' || ack.error === 'server_busy' || ack.error === 'internal') return 'retry'
    throw new Error(`gesprek ${this.index}: command ${i} (${event.type}) refused with ${ack.error}`)
  }

  /** Checks the stored log against what this client knows; returns the problems found (empty = fine). */
  checkStored(stored: StoredEvent[]): string[] {
    const problems: string[] = []
    const tag = `gesprek ${this.index} (${this.gesprekId})`
    const ids = stored.map((e) => e.clientMsgId)
    if (new Set(ids).size !== ids.length) problems.push(`${tag}: duplicate clientMsgId in the log`)
    stored.forEach((e, i) => {
      if (e.seq !== i + 1) problems.push(`${tag}: seq ${e.seq} at position ${i + 1}`)
      if (e.clientMsgId !== this.ids[i])
        problems.push(`${tag}: position ${i + 1} holds ${e.clientMsgId}, sent ${this.ids[i]}`)
      else if (!sameCommand(e.event, this.events[i]!)) problems.push(`${tag}: content of seq ${e.seq} differs`)
    })
    if (stored.length < this.acked) problems.push(`${tag}: ${this.acked} acked, only ${stored.length} stored`)
    // At most the one command in flight may be stored without its ack having arrived.
    if (stored.length > this.acked + 1) problems.push(`${tag}: ${stored.length} stored, ${this.acked} acked`)
    if (this.maxRelayed > stored.length)
      problems.push(`${tag}: seq ${this.maxRelayed} relayed, ${stored.length} stored`)
    if (this.relayOrderBroken) problems.push(`${tag}: begeleider got views out of order`)
    return problems
  }

  /** Joins as the begeleider and compares the view with the stored log folded by hand. */
  async checkBegeleiderView(stored: StoredEvent[]): Promise<string[]> {
    // A check, not a timing claim: after a restart all gesprekken re-join at once (on PostgreSQL each join logs
    // under the access-log lock), which on a busy machine takes longer than the helper's five seconds.
    const ack = await emitAck(this.beg!, 'gesprek:join', { gesprekId: this.gesprekId }, 30_000)
    const tag = `gesprek ${this.index}`
    if (!ack.ok) return [`${tag}: begeleider join refused: ${ack.error}`]
    const view = ack.data.view as GesprekView
    const problems: string[] = []
    if (ack.data.seq !== stored.length) problems.push(`${tag}: view seq ${ack.data.seq}, stored ${stored.length}`)
    const expected = foldItems(stored.map((e) => e.event))
    const got = view.items.map((it) => ({ id: it.id, text: it.text }))
    if (JSON.stringify(got) !== JSON.stringify(expected))
      problems.push(`${tag}: begeleider view differs from the database`)
    this.maxRelayed = Math.max(this.maxRelayed, ack.data.seq)
    return problems
  }
}

/** The same command as sent, whatever defaults the server filled in when it parsed it. */
export function sameCommand(stored: GesprekEvent, sent: GesprekCommand): boolean {
  const pick = (e: GesprekEvent | GesprekCommand) =>
    JSON.stringify({
      type: e.type,
      item: 'item' in e ? { id: e.item.id, text: e.item.text } : undefined,
      itemId: 'itemId' in e ? e.itemId : undefined,
      patch: 'patch' in e ? e.patch.text : undefined,
    })
  return pick(stored) === pick(sent)
}

/** What the begeleider must see after these events (all answers default to "begeleider may see"). */
export function foldItems(events: (GesprekEvent | GesprekCommand)[]): { id: string; text: string | undefined }[] {
  let items: { id: string; text: string | undefined }[] = []
  for (const e of events) {
    if (e.type === 'item.add') items.push({ id: e.item.id, text: e.item.text })
    else if (e.type === 'item.update')
      items = items.map((it) => (it.id === e.itemId ? { ...it, text: e.patch.text ?? it.text } : it))
    else if (e.type === 'item.remove') items = items.filter((it) => it.id !== e.itemId)
  }
  return items
}
