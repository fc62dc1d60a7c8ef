/**
 * Relay latency child → begeleider: the real path (zod, authz, durable commit, projection)
 * against a bare socket.io relay in the same run on the same machine. Prints JSON; asserts nothing.
 * `npm run bench` (PAIRS, ANSWERS to change the load).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { io as ioClient } from 'socket.io-client'
import { redeemJoinCode } from '../../server/auth/join-codes'
import { connect, connected, emitAck, HttpUser, seedOrganisations, startTestServer } from '../helpers/server'

const PAIRS = Number(process.env.PAIRS ?? 50)
const ANSWERS = Number(process.env.ANSWERS ?? 20)

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const q = (p: number) => +s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(3)
  return { n: s.length, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: q(1) }
}

/**
 * Every pair answers ANSWERS times, all pairs at once; `answer` resolves once the begeleider has seen
 * answer n. Disconnects the pairs afterwards.
 */
async function measure<P extends { kid: { disconnect(): void }; beg: { disconnect(): void } }>(
  pairs: P[],
  answer: (pair: P, n: number, start: number) => Promise<void>,
) {
  const latencies: number[] = []
  await Promise.all(
    pairs.map(async (pair) => {
      for (let n = 0; n < ANSWERS; n++) {
        const start = performance.now()
        await answer(pair, n, start)
        latencies.push(performance.now() - start)
        await new Promise((r) => setTimeout(r, Math.random() * 20))
      }
    }),
  )
  for (const p of pairs) {
    p.kid.disconnect()
    p.beg.disconnect()
  }
  return stats(latencies)
}

async function product() {
  const server = await startTestServer({ retentionDays: false })
  await seedOrganisations(server)
  const sanne = await HttpUser.login(server.url, 'sanne')
  const pairs = []
  for (let i = 0; i < PAIRS; i++) {
    const child = await sanne.post('/api/children', { nickname: 'Bench', ageBand: '8-12' })
    const g = await sanne.post('/api/gesprekken', { childId: child.body.id, toolId: 'drie-huizen' })
    const joined = await redeemJoinCode(server.deps, String(g.body.join.code).replace('-', ''))
    const kid = connect(server.url, { token: joined.token })
    const beg = connect(server.url, { cookie: sanne.cookie })
    await Promise.all([connected(kid), connected(beg)])
    await emitAck(beg, 'gesprek:join', { gesprekId: joined.gesprekId })
    await emitAck(kid, 'gesprek:command', {
      gesprekId: joined.gesprekId,
      clientMsgId: `bench-${i}-nav`,
      event: { type: 'nav.next' },
    })
    pairs.push({ kid, beg, gesprekId: joined.gesprekId, i })
  }
  const result = await measure(pairs, async ({ kid, beg, gesprekId, i }, n) => {
    const seen = new Promise<void>((resolve) => {
      const on = (p: { seq: number }) => {
        if (p.seq !== n + 2) return
        beg.off('gesprek:view', on)
        resolve()
      }
      beg.on('gesprek:view', on)
    })
    await emitAck(kid, 'gesprek:command', {
      gesprekId,
      clientMsgId: `bench-${i}-${n}`,
      event: { type: 'item.add', item: { id: `item-bench-${n}`, text: `antwoord ${n}` } },
    })
    await seen
  })
  await server.stop()
  return result
}

async function bare() {
  const http = createServer()
  const io = new Server(http)
  io.on('connection', (s) => {
    void s.join(`pair:${String(s.handshake.auth.pair)}:${String(s.handshake.auth.role)}`)
    s.on('answer', (p: { text: string; t: number }, ack: () => void) => {
      io.to(`pair:${String(s.handshake.auth.pair)}:begeleider`).emit('answer', p)
      ack()
    })
  })
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()))
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  const pairs = []
  for (let i = 0; i < PAIRS; i++) {
    const kid = ioClient(url, { transports: ['websocket'], forceNew: true, auth: { pair: i, role: 'kind' } })
    const beg = ioClient(url, { transports: ['websocket'], forceNew: true, auth: { pair: i, role: 'begeleider' } })
    await Promise.all([kid, beg].map((s) => new Promise((r) => s.once('connect', () => r(null)))))
    pairs.push({ kid, beg })
  }
  const result = await measure(pairs, async ({ kid, beg }, n, start) => {
    const seen = new Promise<void>((resolve) => beg.once('answer', () => resolve()))
    await new Promise<void>((r) => kid.emit('answer', { text: `antwoord ${n}`, t: start }, () => r()))
    await seen
  })
  await io.close()
  return result
}

const durable = await product()
const relay = await bare()
console.log(
  JSON.stringify({ pairs: PAIRS, answersPerPair: ANSWERS, unit: 'ms', durable, bare: relay, node: process.version }),
)
process.exit(0)
