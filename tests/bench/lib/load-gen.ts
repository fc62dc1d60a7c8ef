/**
 * One load-generator process (benchmarks only): connects a child and a begeleider socket per gesprek,
 * has every child send one answer every INTERVAL ms, and times child emit → begeleider receives. Both
 * sockets of a pair live here, so both ends of a latency are read from the same clock. Driven by the
 * parent over IPC: 'start' → warm-up + measuring → 'result'. Product mode speaks the real protocol;
 * bare mode speaks to tests/bench/lib/bare-server.ts.
 */
import { readFileSync } from 'node:fs'
import { io, type Socket } from 'socket.io-client'
import type { Ack, C2SName } from '../../../dialogs/contract/socket'

export type LoadConfig = {
  mode: 'product' | 'bare'
  url: string
  cookie?: string
  /** `cookie`: the begeleider session for this pair's live screen (else `cookie` above). */
  pairs: { gesprekId: string; token: string; cookie?: string }[]
  intervalMs: number
  warmupMs: number
  durationMs: number
  /** Reconnect like the real client (storm benchmark); otherwise a lost line is an error. */
  reconnect?: boolean
}
export type LoadResult = {
  latencies: number[]
  sent: number
  acked: number
  errors: Record<string, number>
  /** Storm benchmark: per gesprek, the clientMsgIds acked and the last seq each side's view shows. */
  acks?: Record<string, string[]>
}

type Pair = {
  gesprekId: string
  kid: Socket
  beg: Socket
  n: number
  /** Child commands sent and not yet acked (the outbox): resent with the same id after a reconnect. */
  unacked: Map<string, unknown>
  ackedIds: string[]
  lastAcked: number
  begSeq: number
}

const config = JSON.parse(readFileSync(process.env.LOAD_CONFIG_FILE!, 'utf8')) as LoadConfig
const sentAt = new Map<string, number>()
const latencies: number[] = []
const errors: Record<string, number> = {}
let measuring = false
let sending = false
let sent = 0
let acked = 0
const fail = (code: string) => void (errors[code] = (errors[code] ?? 0) + 1)

const socketOpts = (extra: object) => ({
  transports: ['websocket'],
  forceNew: true,
  reconnection: Boolean(config.reconnect),
  reconnectionDelay: 500,
  reconnectionDelayMax: 2000,
  ...extra,
})

/** The contract's ack, or `timeout` when none came (bare mode answers the same shapes). */
function emitAck<K extends C2SName>(
  s: Socket,
  event: K,
  payload: unknown,
): Promise<Ack<K> | { ok: false; error: 'timeout' }> {
  return new Promise((resolve) =>
    s
      .timeout(15_000)
      .emit(event, payload, (err: Error | null, res: Ack<K>) => resolve(err ? { ok: false, error: 'timeout' } : res)),
  )
}

function received(id: string) {
  const t = sentAt.get(id)
  if (t === undefined) return
  sentAt.delete(id)
  if (measuring) latencies.push(performance.now() - t)
}

async function connectPair(p: { gesprekId: string; token: string; cookie?: string }, i: number): Promise<Pair> {
  const product = config.mode === 'product'
  const kid = io(config.url, socketOpts({ auth: product ? { token: p.token } : { pair: i, role: 'kind' } }))
  const beg = io(
    config.url,
    socketOpts(
      product
        ? { extraHeaders: { cookie: p.cookie ?? config.cookie ?? '' } }
        : { auth: { pair: i, role: 'begeleider' } },
    ),
  )
  const pair: Pair = {
    gesprekId: p.gesprekId,
    kid,
    beg,
    n: 0,
    unacked: new Map(),
    ackedIds: [],
    lastAcked: 0,
    begSeq: 0,
  }
  if (product) {
    beg.on('gesprek:patch', (f: { seq: number; patch: { items: { upsert: { value: { id: string } }[] } } }) => {
      pair.begSeq = Math.max(pair.begSeq, f.seq)
      for (const u of f.patch.items.upsert) received(u.value.id)
    })
    beg.on('gesprek:view', (f: { seq: number; view: { items: { id: string }[] } }) => {
      pair.begSeq = Math.max(pair.begSeq, f.seq)
      const last = f.view.items.at(-1)
      if (last) received(last.id)
    })
    // Every (re)connect re-joins with the seq this side has, like client/net/join.ts.
    const join = async (s: Socket, side: 'kid' | 'beg') => {
      const r = await emitAck(s, 'gesprek:join', {
        gesprekId: p.gesprekId,
        lastSeq: side === 'beg' ? pair.begSeq : undefined,
      })
      if (!r.ok) return fail(`join:${r.error}`)
      if (side === 'beg') pair.begSeq = Math.max(pair.begSeq, r.data.seq)
      if (side === 'kid') for (const [id, event] of pair.unacked) void command(pair, id, event)
      return r.data
    }
    await Promise.all([kid, beg].map(connected))
    await join(beg, 'beg')
    const view = (await join(kid, 'kid'))?.view as { step?: { id: string } } | undefined
    if (view?.step?.id === 'intro')
      await emitAck(kid, 'gesprek:command', {
        gesprekId: p.gesprekId,
        clientMsgId: `nav-${p.gesprekId}`,
        event: { type: 'nav.next' },
      })
    beg.on('connect', () => void join(beg, 'beg'))
    kid.on('connect', () => void join(kid, 'kid'))
  } else {
    beg.on('answer', (a: { id: string }) => received(a.id))
    await Promise.all([kid, beg].map(connected))
  }
  return pair
}

const connected = (s: Socket) =>
  new Promise((resolve, reject) => {
    if (s.connected) return resolve(null)
    s.once('connect', () => resolve(null))
    s.once('connect_error', (e) => reject(e))
  })

async function command(pair: Pair, id: string, event: unknown) {
  const r = await emitAck(pair.kid, 'gesprek:command', { gesprekId: pair.gesprekId, clientMsgId: id, event })
  if (!r.ok) {
    // Offline or restarting: the outbox keeps it for the next connect.
    if (r.error !== 'timeout' && r.error !== 'server_busy') pair.unacked.delete(id)
    return fail(`command:${r.error}`)
  }
  if (!pair.unacked.delete(id)) return
  acked++
  pair.ackedIds.push(id)
  pair.lastAcked = Math.max(pair.lastAcked, r.data.seq)
}

function tick(pair: Pair) {
  if (!sending) return
  const id = `b${process.pid}-${pair.gesprekId.slice(0, 8)}-${pair.n++}`
  sent++
  if (config.mode === 'bare') {
    sentAt.set(id, performance.now())
    pair.kid.emit('answer', { id, text: `antwoord ${pair.n}` }, () => void acked++)
    return
  }
  const event = { type: 'item.add', item: { id: `item-${id}`.slice(0, 60), text: `antwoord ${pair.n}` } }
  sentAt.set(event.item.id, performance.now())
  pair.unacked.set(id, event)
  void command(pair, id, event)
}

const pairs: Pair[] = []
for (let i = 0; i < config.pairs.length; i += 50) {
  const batch = config.pairs.slice(i, i + 50)
  pairs.push(...(await Promise.all(batch.map((p, j) => connectPair(p, i + j)))))
}
process.send!({ type: 'ready' })

const timers: NodeJS.Timeout[] = []
process.on('message', (m: { type: string }) => {
  if (m.type === 'start') {
    sending = true
    for (const pair of pairs)
      timers.push(
        setTimeout(() => {
          tick(pair)
          timers.push(setInterval(() => tick(pair), config.intervalMs))
        }, Math.random() * config.intervalMs),
      )
    setTimeout(() => (measuring = true), config.warmupMs)
    if (config.durationMs > 0) setTimeout(() => void finish(), config.warmupMs + config.durationMs)
  } else if (m.type === 'stop-sending') {
    sending = false
    for (const t of timers) clearInterval(t)
  } else if (m.type === 'synced?') {
    // Storm: every child's outbox empty and every begeleider's view at the child's last acked seq.
    const behind = pairs.filter((p) => p.unacked.size > 0 || p.begSeq < p.lastAcked).length
    process.send!({ type: 'synced', behind })
  } else if (m.type === 'finish') void finish()
})

async function finish() {
  sending = false
  measuring = false
  for (const t of timers) clearInterval(t)
  await new Promise((r) => setTimeout(r, 500))
  const result: LoadResult = { latencies, sent, acked, errors }
  if (config.reconnect) result.acks = Object.fromEntries(pairs.map((p) => [p.gesprekId, p.ackedIds]))
  for (const p of pairs) {
    p.kid.disconnect()
    p.beg.disconnect()
  }
  process.send!({ type: 'result', result }, () => process.exit(0))
}
