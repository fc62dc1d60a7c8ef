/**
 * Benchmark 2: cost by gesprek length. Twenty gesprekken each get 410 answers, one at a time (emit,
 * wait until the begeleider has it); compares the latency around item 10 with the latency around item
 * 400. Flat means the command path does not grow with the gesprek: event log with snapshots every
 * few events, patches instead of whole views.
 */
import { rmSync } from 'node:fs'
import { io, type Socket } from 'socket.io-client'
import { cleanSeeds, figure, login, percentiles, seededDataDir, startProduct } from './lib/harness'

const GESPREKKEN = 20
const ITEMS = 410
const { dataDir, pairs } = seededDataDir(GESPREKKEN)
const server = await startProduct(dataDir)
const url = `http://127.0.0.1:${server.port}`
const cookie = await login(url)
const opts = { transports: ['websocket'], forceNew: true, reconnection: false }
const ack = (s: Socket, event: string, payload: unknown) =>
  new Promise<any>((resolve) => s.emit(event, payload, (r: unknown) => resolve(r)))

const early: number[] = []
const late: number[] = []
await Promise.all(
  pairs.map(async ({ gesprekId, token }, g) => {
    const kid = io(url, { ...opts, auth: { token } })
    const beg = io(url, { ...opts, extraHeaders: { cookie } })
    await Promise.all([kid, beg].map((s) => new Promise((r) => s.once('connect', () => r(null)))))
    await ack(beg, 'gesprek:join', { gesprekId })
    await ack(kid, 'gesprek:join', { gesprekId })
    await ack(kid, 'gesprek:command', { gesprekId, clientMsgId: `nav-${gesprekId}`, event: { type: 'nav.next' } })
    for (let n = 1; n <= ITEMS; n++) {
      const id = `item-len-${g}-${n}`
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
      const t = performance.now()
      const r = await ack(kid, 'gesprek:command', {
        gesprekId,
        clientMsgId: `len-${g}-${n}`,
        event: { type: 'item.add', item: { id, text: `antwoord nummer ${n} met wat woorden erbij` } },
      })
      if (!r.ok) throw new Error(`item ${n}: ${r.error}`)
      await seen
      const ms = performance.now() - t
      if (n <= 20) early.push(ms)
      else if (n > ITEMS - 20) late.push(ms)
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
figure('length', 'p50 at item 10', e.p50, 'ms', null, e)
figure('length', 'p50 at item 400', l.p50, 'ms', null, l)
figure('length', 'p50 ratio item 400 / item 10', l.p50 / e.p50, '×', { max: 1.5 })
process.exit(0)
