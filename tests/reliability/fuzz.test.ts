import fc from 'fast-check'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../dialogs/contract/errors'
import { C2S, type C2SName } from '../../dialogs/contract/socket'
import {
  captureLog,
  connect,
  connected,
  emitAck,
  errorOf,
  fakeClock,
  HttpUser,
  msgId,
  seedOrganisations,
  startGesprek,
  startTestServer,
  type TestServer,
  type TestSocket,
} from '../helpers/server'

/**
 * Malformed input gets an error code, never a crash (docs/security.md): 10,000 generated malformed socket payloads plus generated HTTP bodies. Every one is
 * answered with an error code (or, for protocol violations, a disconnect); nothing crashes, no promise
 * is left unhandled, memory comes back, and an honest gesprek running alongside keeps working.
 * Reproduce with FUZZ_SEED=<printed seed>.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const SOCKET_RUNS = Number(process.env.FUZZ_SOCKET_RUNS ?? 10_000)
const HTTP_RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 2_000)
const CODES = new Set<string>(ERROR_CODES)

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const heap = () => {
  for (let i = 0; i < 3; i++) gc()
  return process.memoryUsage().heapUsed
}

const clock = fakeClock()
const logs = captureLog()
let server: TestServer
let beg: HttpUser
let honest: { gesprekId: string; token: string }
let target: { gesprekId: string; token: string }
const unhandled: unknown[] = []
const onUnhandled = (e: unknown) => void unhandled.push(e)

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled)
  process.on('uncaughtException', onUnhandled)
  server = await startTestServer({ clock, log: logs.log })
  await seedOrganisations(server)
  beg = await HttpUser.login(server.url, 'sanne')
  honest = await startGesprek(server.url, beg, { nickname: 'Eerlijk' })
  target = await startGesprek(server.url, beg, { nickname: 'Doelwit' })
})
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled)
  process.off('uncaughtException', onUnhandled)
  await server?.stop()
})

// ---------- generators ----------

const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'])
const loneSurrogate = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', 'a\uD83Dz', '\uDFFF\uD800')
const weirdString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  loneSurrogate,
  fc.constant('x'.repeat(5000)),
  fc.constant('\u0000'.repeat(64)),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
)
const deep = (depth: number, leaf: unknown = 1): unknown => {
  let v: unknown = leaf
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
}
const protoPolluted = fc.constantFrom(
  JSON.parse('{"__proto__": {"admin": true}, "gesprekId": "abcdefgh12"}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}'),
  JSON.parse('{"gesprekId": "abcdefgh12", "clientMsgId": "abcdefgh12", "event": {"__proto__": {"type": "nav.next"}}}'),
  {
    gesprekId: 'abcdefgh12',
    clientMsgId: 'abcdefgh12',
    event: { type: 'item.add', item: JSON.parse('{"__proto__": {"id": "x"}}') as unknown },
  },
)
const anything = fc.anything({
  maxDepth: 4,
  withBoxedValues: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withDate: true,
  withMap: false,
  withSet: false,
  withBigInt: false,
  withTypedArray: true,
})

/** Near-valid commands: one field broken at a time, so the validation behind the first check is reached too. */
const nearCommand = (gesprekId: string) =>
  fc
    .record({
      field: fc.constantFrom(
        'gesprekId',
        'clientMsgId',
        'event',
        'event.type',
        'item',
        'item.text',
        'item.id',
        'extra',
      ),
      value: fc.oneof(anything, weirdString, protoPolluted),
      type: fc.constantFrom('item.add', 'item.update', 'share.set', 'note.add', 'nav.next', 'worry.mark'),
    })
    .map(({ field, value, type }) => {
      const cmd: Record<string, unknown> = {
        gesprekId,
        clientMsgId: `fz${Math.random().toString(36).slice(2, 12)}`,
        event: { type, item: { id: 'item-fuzz-1', text: 'x' } },
      }
      const ev = cmd.event as Record<string, unknown>
      if (field === 'gesprekId' || field === 'clientMsgId' || field === 'event') cmd[field] = value
      else if (field === 'event.type') ev.type = value
      else if (field === 'item') ev.item = value
      else if (field === 'item.text') (ev.item as Record<string, unknown>).text = value
      else if (field === 'item.id') (ev.item as Record<string, unknown>).id = value
      else cmd[typeof value === 'string' ? value : 'extra'] = value
      return cmd
    })

type Case = {
  event: string
  payload: unknown
  /** ack: normal; none: no callback; extra: a second argument before the callback; raw: a hand-made packet. */
  mode: 'ack' | 'none' | 'extra' | 'raw'
  raw?: string
}

const socketCase = (gesprekId: string): fc.Arbitrary<Case> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        event: fc.constantFrom<C2SName>('gesprek:command', 'gesprek:join'),
        payload: nearCommand(gesprekId),
        mode: fc.constant('ack' as const),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        event: fc.constantFrom('gesprek:command', 'gesprek:join'),
        payload: fc.oneof(anything, weirdString, protoPolluted),
        mode: fc.constant('ack' as const),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        event: fc
          .oneof(
            weirdString,
            fc.constantFrom(
              'gesprek:delete',
              'admin:export',
              '__proto__',
              'toString',
              'constructor',
              'hasOwnProperty',
              'valueOf',
            ),
          )
          .filter((e) => !RESERVED.has(e)),
        payload: anything,
        mode: fc.constant('ack' as const),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        event: fc.constantFrom('gesprek:command', 'gesprek:join', 'x'),
        payload: anything,
        mode: fc.constantFrom('none' as const, 'extra' as const),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        event: fc.constant('gesprek:command'),
        // The socket.io client's own encoder (JSON.stringify) overflows its stack near depth 4,000 inside a test
        // worker, so an emitted object stays below that; deeper frames go raw below (up to 60,000 levels).
        payload: fc.integer({ min: 100, max: 2000 }).map((d) => deep(d)),
        mode: fc.constant('ack' as const),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        event: fc.constant('gesprek:command'),
        payload: fc.oneof(
          fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
          fc.uint8Array({ maxLength: 64 }).map((a) => ({
            gesprekId,
            clientMsgId: 'abcdefgh12',
            event: { type: 'item.add', item: { id: 'item-bin-01', text: Buffer.from(a) } },
          })),
          fc.integer({ min: 50, max: 500 }).map((d) => deep(d, Buffer.from([1, 2, 3]))),
        ),
        mode: fc.constant('ack' as const),
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.integer({ min: 1000, max: 60_000 }).map((d) => `2["gesprek:command",${'['.repeat(d)}${']'.repeat(d)}]`),
          fc.integer({ min: 1000, max: 60_000 }).map((d) => `21["gesprek:join",${'{"a":'.repeat(d)}1${'}'.repeat(d)}]`),
          fc.string({ maxLength: 60 }).map((s) => `2${s}`),
          fc.string({ maxLength: 60 }),
          fc.constantFrom(
            '2',
            '2[',
            '2["gesprek:command"',
            '21[]',
            '9["x"]',
            '51-["gesprek:command",{"_placeholder":true,"num":0}]',
            '2[{"toString":1}]',
            '2["__proto__",{}]',
          ),
        )
        .map((raw) => ({ event: 'raw', payload: null, mode: 'raw' as const, raw })),
    },
  )

/** Whether the server may accept this as a real command or join (generated payloads are almost never valid). */
const schemaValid = (c: Case) =>
  c.mode === 'ack' && Object.hasOwn(C2S, c.event) && C2S[c.event as C2SName].safeParse(onTheWire(c.payload)).success

const hasBinary = (x: unknown, depth = 0): boolean =>
  ArrayBuffer.isView(x) ||
  x instanceof ArrayBuffer ||
  (typeof x === 'object' && x !== null && depth < 50 && Object.values(x).some((v) => hasBinary(v, depth + 1)))
/**
 * What the server receives of a payload: socket.io sends JSON, so a member whose value is `undefined`
 * (or a function) is not there at all, and `{ type: 'nav.next', item: undefined }` arrives as a valid
 * nav.next. Binary parts travel as attachments: those payloads are judged as they are.
 */
function onTheWire(payload: unknown): unknown {
  if (hasBinary(payload)) return payload
  try {
    return (JSON.parse(JSON.stringify([payload])) as unknown[])[0]
  } catch {
    return payload // not JSON at all (a cycle, a BigInt): the client could not send it either
  }
}

// ---------- the honest gesprek ----------

async function honestGesprek() {
  const kid = connect(server.url, { token: honest.token })
  const bs = connect(server.url, { cookie: beg.cookie })
  await Promise.all([connected(kid), connected(bs)])
  let lastSeq = 0
  const relayed = (p: { gesprekId: string; seq: number }) => {
    if (p.gesprekId === honest.gesprekId) lastSeq = Math.max(lastSeq, p.seq)
  }
  bs.on('gesprek:view', relayed)
  bs.on('gesprek:patch', relayed)
  expect((await emitAck(bs, 'gesprek:join', { gesprekId: honest.gesprekId })).ok).toBe(true)
  expect(
    await emitAck(kid, 'gesprek:command', {
      gesprekId: honest.gesprekId,
      clientMsgId: msgId(),
      event: { type: 'nav.next' },
    }),
  ).toEqual({ ok: true, data: { seq: 1 } })
  let n = 0
  const texts: string[] = []
  // Lanes run side by side and a slow machine lets two reach an honest answer at once: one at a time,
  // so each answer's seq is exactly one more than the last.
  let queue = Promise.resolve()
  const answerOne = async () => {
    const mine = ++n
    const text = `eerlijk antwoord ${mine}`
    texts.push(text)
    const ack = await emitAck(kid, 'gesprek:command', {
      gesprekId: honest.gesprekId,
      clientMsgId: msgId(),
      event: { type: 'item.add', item: { id: `item-honest-${mine}`, text } },
    })
    expect(ack).toEqual({ ok: true, data: { seq: mine + 1 } })
    await new Promise<void>((resolve, reject) => {
      const end = Date.now() + 3000
      const tick = () =>
        lastSeq >= mine + 1 ? resolve() : Date.now() > end ? reject(new Error('no relay')) : setTimeout(tick, 2)
      tick()
    })
  }
  return {
    answer() {
      const run = queue.then(answerOne)
      queue = run.catch(() => undefined)
      return run
    },
    async finish() {
      const { view } = await server.host.view(honest.gesprekId, 'begeleider')
      expect(view.items.map((i) => i.text)).toEqual(texts)
      kid.disconnect()
      bs.disconnect()
      return n
    },
  }
}

// ---------- the run ----------

type Outcome = { type: 'ack'; value: unknown } | { type: 'disconnect' } | { type: 'silence' }

function fire(socket: TestSocket, c: Case): Promise<Outcome> {
  return new Promise((resolve) => {
    // A hand-made packet may rightly get no answer (an ack for nothing, say): it is probed below instead.
    const timer = setTimeout(() => done({ type: 'silence' }), c.mode === 'raw' ? 300 : 3000)
    const onDisconnect = () => done({ type: 'disconnect' })
    function done(o: Outcome) {
      clearTimeout(timer)
      socket.off('disconnect', onDisconnect)
      resolve(o)
    }
    socket.once('disconnect', onDisconnect)
    const s = socket as unknown as { emit: (...a: unknown[]) => void; io: { engine: { send: (m: string) => void } } }
    if (c.mode === 'raw') return s.io.engine.send(c.raw!)
    if (c.mode === 'ack') return s.emit(c.event, c.payload, (value: unknown) => done({ type: 'ack', value }))
    if (c.mode === 'extra') return s.emit(c.event, c.payload, 'not-a-callback', 42)
    s.emit(c.event, c.payload)
  })
}

describe(`fuzzing (FUZZ_SEED=${SEED})`, () => {
  it(
    `answers ${SOCKET_RUNS} malformed socket payloads and ${HTTP_RUNS} HTTP bodies with codes`,
    { timeout: 300_000 },
    async () => {
      console.log(`fuzz seed ${SEED}: reproduce with FUZZ_SEED=${SEED}`)
      const cases = fc.sample(socketCase(target.gesprekId), { seed: SEED, numRuns: SOCKET_RUNS })
      const good = await honestGesprek()
      // Warm up the paths once, then take the baseline.
      const warm = connect(server.url, { token: target.token })
      await connected(warm)
      for (const c of cases.slice(0, 50)) if (c.mode === 'ack') await fire(warm, c)
      warm.disconnect()
      const baseline = heap()

      const failures: string[] = []
      const tally = { ack: 0, disconnect: 0, rateLimited: 0, accepted: 0 }
      const lanes = 4
      const sockets: TestSocket[] = []
      const fresh = async (lane: number) => {
        const s = lane % 2 ? connect(server.url, { token: target.token }) : connect(server.url, { cookie: beg.cookie })
        await connected(s)
        return s
      }
      for (let l = 0; l < lanes; l++) sockets.push(await fresh(l))
      let sent = 0
      await Promise.all(
        Array.from({ length: lanes }, async (_, lane) => {
          for (let i = lane; i < cases.length; i += lanes) {
            const c = cases[i]!
            // Fake time feeds the principal's token bucket (10/s) well above the pace of two lanes per principal
            // (5 per 0.8 s), leaving room for probes and reconnects, so the validation is what answers, not the limiter.
            if (++sent % 10 === 0) clock.advance(800)
            if (sent % 100 === 0) await good.answer()
            if (!sockets[lane]!.connected) sockets[lane] = await fresh(lane)
            const out = await fire(sockets[lane]!, c)
            const what = `case ${i} ${JSON.stringify(c.event).slice(0, 40)} mode=${c.mode}`
            if (out.type === 'silence' && c.mode === 'raw') {
              // Ignored is fine for a raw packet, as long as the socket still answers a real question.
              // A half-announced binary packet makes the next plain packet a violation: a disconnect is right too.
              const socket = sockets[lane]!
              // Lanes share a principal's token bucket: `rate_limited` is an answer, so refill and ask again.
              let probe = null
              for (let tries = 0; tries < 3; tries++) {
                probe = await emitAck(socket, 'gesprek:join', { gesprekId: target.gesprekId }, 2000).catch(() => null)
                if (errorOf(probe) !== 'rate_limited') break
                clock.advance(500)
              }
              if (!probe?.ok && socket.connected)
                failures.push(
                  `${what}: socket dead after an ignored packet (${JSON.stringify(c.raw).slice(0, 40)}, probe ${JSON.stringify(probe)})`,
                )
            } else if (out.type === 'silence') failures.push(`${what}: no answer at all`)
            else if (out.type === 'disconnect') {
              tally.disconnect++
              // A disconnect is right only for protocol violations: no callback, raw packets, binary or deep frames.
              const structural =
                c.mode !== 'ack' || Buffer.isBuffer(c.payload) || JSON.stringify(c.payload ?? null).length > 1000
              if (!structural) failures.push(`${what}: disconnected instead of an error code`)
            } else {
              tally.ack++
              const v = out.value as { ok?: unknown; error?: unknown }
              if (v?.ok === true) {
                tally.accepted++
                if (!schemaValid(c)) failures.push(`${what}: accepted an invalid payload`)
              } else if (v?.ok !== false || typeof v.error !== 'string' || !CODES.has(v.error))
                failures.push(`${what}: answer ${JSON.stringify(v).slice(0, 80)}`)
              else if (v.error === 'rate_limited') tally.rateLimited++
              else if (v.error === 'internal') failures.push(`${what}: internal error`)
            }
          }
        }),
      )
      for (const s of sockets) s.disconnect()

      // HTTP bodies: every answer is a JSON error code, never a 500, never a hang.
      const routes = [
        { path: '/api/workspace/children', user: beg },
        { path: '/api/gesprekken', user: beg },
        // Takes no body: whatever is sent is ignored and a new code is the right answer.
        { path: `/api/gesprekken/${target.gesprekId}/join-code`, user: beg, bodyless: true },
        { path: '/api/auth/login', user: new HttpUser(server.url) },
        { path: '/api/kind/join', user: new HttpUser(server.url) },
      ]
      const bodies = fc.sample(
        fc.record({
          route: fc.integer({ min: 0, max: routes.length - 1 }),
          type: fc.constantFrom(
            'application/json',
            'text/plain',
            'application/octet-stream',
            'application/json; charset=utf-16',
            '',
          ),
          body: fc.oneof(
            anything.map((v) => JSON.stringify(v) ?? 'undefined'),
            protoPolluted.map((v) => JSON.stringify(v)),
            weirdString,
            fc.uint8Array({ maxLength: 512 }).map((a) => Buffer.from(a).toString('latin1')),
            fc.integer({ min: 1000, max: 30_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
            fc.constant(JSON.stringify({ nickname: 'x'.repeat(70_000), ageBand: '4-7' })),
            fc.constant('{"username": "sanne", "password": {"$ne": ""}}'),
          ),
        }),
        { seed: SEED + 1, numRuns: HTTP_RUNS },
      )
      let httpN = 0
      for (const b of bodies) {
        const r = routes[b.route]!
        if (++httpN % 50 === 0) clock.advance(61_000) // the join limiter is per minute
        const res = await r.user.request('POST', r.path, b.body, b.type ? { 'content-type': b.type } : {})
        const code = (res.body as { error?: unknown })?.error
        if ('bodyless' in r && res.status === 201) continue
        if (res.status >= 500 || res.status < 400 || typeof code !== 'string' || !CODES.has(code))
          failures.push(
            `POST ${r.path} ${JSON.stringify(b.body).slice(0, 60)}: ${res.status} ${JSON.stringify(res.body).slice(0, 80)}`,
          )
      }

      const n = await good.finish()
      const after = heap()
      console.log(
        JSON.stringify({
          seed: SEED,
          ...tally,
          http: bodies.length,
          honestAnswers: n,
          heapBaselineMB: +(baseline / 2 ** 20).toFixed(1),
          heapAfterMB: +(after / 2 ** 20).toFixed(1),
        }),
      )
      expect(failures.slice(0, 20), `seed ${SEED}`).toEqual([])
      expect(unhandled).toEqual([])
      expect(logs.lines.filter((l) => l.includes('"level":"error"'))).toEqual([])
      // The limiter must not be what answered: the checks behind it were exercised.
      expect(tally.rateLimited).toBeLessThan(SOCKET_RUNS * 0.02)
      expect(n).toBeGreaterThanOrEqual(Math.floor(SOCKET_RUNS / 100) - 1)
      // Memory returns near its baseline once the abusive sockets are gone.
      expect(after - baseline).toBeLessThan(Math.max(16 * 2 ** 20, baseline * 0.25))
      // Still serving.
      expect((await new HttpUser(server.url).get('/api/health')).status).toBe(200)
    },
  )
})
