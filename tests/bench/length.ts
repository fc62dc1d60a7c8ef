/**
 * Benchmark 2: cost by gesprek length. Twenty gesprekken each get 410 commands, one at a time (emit,
 * wait until the begeleider has it, at most 8 a second): 290 answers (a gesprek holds at most MAX_ITEMS_PER_GESPREK = 300),
 * then changes to the latest answers up to event 410. Compares the latency around item 10 with the
 * latency around item 280 and around event 400. Flat means the command path does not grow with the
 * gesprek: event log with snapshots every few events, patches instead of whole views.
 */
import { rmSync } from 'node:fs'
import { io, type Socket } from 'socket.io-client'
import type { Ack, C2SName } from '../../dialogs/contract/socket'
import { MAX_ITEMS_PER_GESPREK } from '../../server/gesprek/bounds'
import { cleanSeeds, figure, login, percentiles, seededDataDir, startProduct } from './lib/harness'

const GESPREKKEN = 20
const EVENTS = 410
const PACE_MS = 125
const ITEMS = MAX_ITEMS_PER_GESPREK - 10
const { dataDir, pairs } = seededDataDir(GESPREKKEN)
const server = await startProduct(dataDir)
const url = `http://127.0.0.1:${server.port}`
const cookie = await login(url)
const opts = { transports: ['websocket'], forceNew: true, reconnection: false }
const ack = <K extends C2SName>(s: Socket, event: K, payload: unknown) =>
  new Promise<Ack<K>>((resolve) => s.emit(event, payload, (r: Ack<K>) => resolve(r)))

const early: number[] = []
const late: number[] = []
const latest: number[] = []
await Promise.all(
  pairs.map(async ({ gesprekId, token, cookie: session }, g) => {
    const kid = io(url, { ...opts, auth: { token } })
    const beg = io(url, { ...opts, extraHeaders: { cookie: session || cookie } })
    await Promise.all([kid, beg].map((s) => new Promise((r) => s.once('connect', () => r(null)))))
    await ack(beg, 'gesprek:join', { gesprekId })
    await ack(kid, 'gesprek:join', { gesprekId })
    await ack(kid, 'gesprek:command', { gesprekId, clientMsgId: `nav-${gesprekId}`, event: { type: 'nav.next' } })
    let lastAt = 0
    for (let n = 1; n <= EVENTS; n++) {
      const adding = n <= ITEMS
      const id = `item-len-${g}-${adding ? n : ITEMS - (n % 10)}`
      const seen = new Promise<void>((resolve) => {
        const on = (f: { patch?: { items: { upsert: { value: { id: string } }[] } }; view?: unknown }) => {
          if (f.patch && !f.patch.items.upsert.some((u) => u.value.id === id)) return
          beg.off('gesprek:patch', on)
          beg.off('gesprek:view', on)
          resolve()
        }
        beg.on('gesprek:patch', on)
        beg.on('gesprek:view', on)
      })
      // Under the per-token bucket (10 commands a second): a child's pace, not a flood.
      await new Promise((r) => setTimeout(r, Math.max(0, lastAt + PACE_MS - performance.now())))
      const t = performance.now()
      lastAt = t
      const r = await ack(kid, 'gesprek:command', {
        gesprekId,
        clientMsgId: `len-msg-${g}-${n}`,
        event: adding
          ? { type: 'item.add', item: { id, text: `antwoord nummer ${n} met wat woorden erbij` } }
          : { type: 'item.update', itemId: id, patch: { text: `antwoord veranderd bij ${n} met wat woorden` } },
      })
      if (!r.ok) throw new Error(`item ${n}: ${r.error}`)
      await seen
      const ms = performance.now() - t
      if (n <= 20) early.push(ms)
      else if (adding && n > ITEMS - 20) late.push(ms)
      else if (n > EVENTS - 20) latest.push(ms)
    }
    kid.disconnect()
    beg.disconnect()
  }),
)
await server.stop()
rmSync(dataDir, { recursive: true, force: true })
cleanSeeds()

const e = percentiles(early)
const l = percentiles(late)
const z = percentiles(latest)
figure('length', 'p50 at item 10', e.p50, 'ms', null, e)
figure('length', `p50 at item ${ITEMS - 10}`, l.p50, 'ms', null, l)
figure('length', 'p50 at event 400 (an answer changed)', z.p50, 'ms', null, z)
figure('length', `p50 ratio item ${ITEMS - 10} / item 10`, l.p50 / e.p50, '×', { max: 1.5 })
figure('length', 'p50 ratio event 400 / item 10', z.p50 / e.p50, '×', { max: 1.5 })
process.exit(0)
