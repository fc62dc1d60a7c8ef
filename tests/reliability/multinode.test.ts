/**
 * Two server processes on one PostgreSQL and one Redis, as behind a load balancer: the child on node A,
 * the begeleider on node B. Answers relay across nodes, the deelafspraak holds on the other node, a node
 * killed mid-gesprek loses nothing, deactivations and CLI actions reach every node, the retention job
 * runs once, and rate limits count across nodes.
 */
import type { KamerGesprek } from '../../dialogs/contract/kamer'
import type { KindJoinOut } from '../../dialogs/contract/http'
import { execFile, spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { S2C } from '../../dialogs/contract/socket'
import {
  connect,
  connected,
  dataOf,
  emitAck,
  HttpUser,
  msgId,
  PASSWORD,
  tempDir,
  TEST_INSTANCE_KEY,
  type TestSocket,
} from '../helpers/server'
import { setUpKamer } from '../helpers/kamer'
import { NGINX } from '../helpers/nginx'
import { databaseFor, freePort, startPostgres, startRedis, type Service } from '../helpers/services'
import { SimGesprek } from './model'
import { DbReader, spawnServer, until, type ServerProc } from './proc'
import type { SeedFile } from './server-process'

const run = promisify(execFile)
const dirA = tempDir('kg-node-a-')
const dirB = tempDir('kg-node-b-')
const services: Service[] = []
const procs: ServerProc[] = []
const sockets: TestSocket[] = []
let env: Record<string, string> = {}
let a: ServerProc
let b: ServerProc
let seed: SeedFile

const open = (url: string, opts: Parameters<typeof connect>[1]) => {
  const s = connect(url, opts)
  sockets.push(s)
  return s
}

/** Every text a socket received in gesprek views and patches (ADR 0027), to look for a private canary in. */
function received(socket: TestSocket) {
  const seen: string[] = []
  socket.on('gesprek:view', (raw) => void seen.push(JSON.stringify(S2C['gesprek:view'].parse(raw))))
  socket.on('gesprek:patch', (raw) => void seen.push(JSON.stringify(S2C['gesprek:patch'].parse(raw))))
  return seen
}

async function node(dataDir: string, extra: Record<string, string> = {}) {
  const p = await spawnServer(dataDir, { env: { ...env, ...extra } })
  procs.push(p)
  return p
}

/** A real nginx with the documented upstream block (ip_hash, WebSocket upgrade, address overwritten). */
async function startNginx(ports: number[]) {
  const dir = tempDir('kg-nginx-')
  const port = await freePort()
  const conf = `
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
daemon off;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream kindgesprek {
    ip_hash;
    ${ports.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n    ')}
  }
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://kindgesprek;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 60s;
      proxy_next_upstream error timeout;
    }
  }
}`
  writeFileSync(join(dir, 'nginx.conf'), conf)
  if (!NGINX) throw new Error('nginx is not installed (.ci/run installs it)')
  const proc = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' })
  const url = `http://127.0.0.1:${port}`
  const end = Date.now() + 10_000
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(join(dir, 'error.log'), 'utf8')}`)
    const ok = await fetch(`${url}/api/auth/me`).then(
      () => true,
      () => false,
    )
    if (ok) break
    if (Date.now() > end) throw new Error('nginx did not start')
    await new Promise((r) => setTimeout(r, 50))
  }
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => proc.once('exit', r))
      proc.kill('SIGTERM')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

beforeAll(async () => {
  // The global setup's servers when the run is on PostgreSQL already, otherwise our own.
  let adminUrl = process.env.KG_TEST_PG_ADMIN_URL
  let redisUrl = process.env.KG_TEST_REDIS_URL
  if (!adminUrl || !redisUrl) {
    const pg = await startPostgres()
    services.push(pg)
    const redis = await startRedis()
    services.push(redis)
    adminUrl = pg.url
    redisUrl = redis.url
  }
  const databaseUrl = await databaseFor(adminUrl, dirA)
  env = {
    DATABASE_URL: databaseUrl,
    KINDGESPREK_KEY: TEST_INSTANCE_KEY,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `multinode-${process.pid}`,
    LOG_INFO: '1',
  }
  const seedOut = join(dirA, 'seed.json')
  a = await node(dirA, { SEED_GESPREKKEN: '2', SEED_OUT: seedOut })
  b = await node(dirB)
  seed = JSON.parse(readFileSync(seedOut, 'utf8')) as SeedFile
}, 120_000)

afterAll(async () => {
  for (const s of sockets) s.disconnect()
  for (const p of procs) if (p.proc.exitCode === null && p.proc.signalCode === null) p.proc.kill('SIGKILL')
  await Promise.all(procs.map((p) => p.exited))
  for (const s of services.reverse()) await s.stop()
  rmSync(dirA, { recursive: true, force: true })
  rmSync(dirB, { recursive: true, force: true })
})

describe('two nodes on one PostgreSQL and one Redis', () => {
  it('relays the child on A to the begeleider on B within a second; a private answer never reaches B', async () => {
    const g = seed.gesprekken[0]!
    const kid = open(a.url, { token: g.token })
    const beg = open(b.url, { cookie: seed.cookie })
    await Promise.all([connected(kid), connected(beg)])
    const begSeen = received(beg)
    const kidSeen = received(kid)
    expect((await emitAck(beg, 'gesprek:join', { gesprekId: g.gesprekId })).ok).toBe(true)
    expect((await emitAck(kid, 'gesprek:join', { gesprekId: g.gesprekId })).ok).toBe(true)
    const send = async (event: unknown) => {
      const ack = await emitAck(kid, 'gesprek:command', {
        gesprekId: g.gesprekId,
        clientMsgId: msgId(),
        event,
      })
      expect(ack.ok, JSON.stringify(ack)).toBe(true)
      return dataOf(ack).seq
    }
    await send({ type: 'nav.next' })
    const t0 = Date.now()
    await send({ type: 'item.add', item: { id: 'item-mn-open', text: 'een open antwoord' } })
    await until(() => begSeen.some((v) => v.includes('een open antwoord')), 1000, 'relay A→B')
    expect(Date.now() - t0).toBeLessThan(1000)
    const begSeq = (v: string) => (JSON.parse(v) as { seq: number }).seq
    const openSeq = begSeq(begSeen.find((v) => v.includes('een open antwoord'))!)

    // Private from here on: the child keeps it to themself, then writes the canary into it.
    const canary = `KANARIE${Math.random().toString(36).slice(2, 10).toUpperCase()}`
    await send({ type: 'share.set', itemIds: ['item-mn-open'], level: 'alleen-ik' })
    const last = await send({ type: 'item.update', itemId: 'item-mn-open', patch: { text: `geheim ${canary}` } })
    await until(() => kidSeen.some((v) => v.includes(canary)), 2000, 'the child sees their own answer')
    // A private change sends the begeleider no frame at all; a later open answer shows B has caught up.
    const after = await send({ type: 'item.add', item: { id: 'item-mn-after', text: 'daarna weer open' } })
    expect(after).toBeGreaterThan(last)
    await until(() => begSeen.some((v) => v.includes('daarna weer open')), 2000, 'B catches up past the private change')
    // B's seq counts what B could see (ADR 0050): the level change and the new answer, not the private edit.
    expect(begSeen.map(begSeq).filter((n) => n > openSeq)).toEqual([openSeq + 1, openSeq + 2])
    expect(begSeen.join('\n')).not.toContain(canary)
    // Re-joining on B reads the database: still nothing private, and the same seq B had.
    const join = await emitAck(beg, 'gesprek:join', { gesprekId: g.gesprekId })
    expect(dataOf(join).seq).toBe(openSeq + 2)
    expect(JSON.stringify(dataOf(join).view ?? {})).not.toContain(canary)
    kid.disconnect()
    beg.disconnect()
  })

  it('through nginx in front of both nodes (the config in docs/operations.md), the gesprek relays both ways', async () => {
    const proxy = await startNginx([a.port, b.port])
    try {
      const g = seed.gesprekken[0]!
      const kid = open(proxy.url, { token: g.token })
      const beg = open(proxy.url, { cookie: seed.cookie })
      await Promise.all([connected(kid), connected(beg)])
      const begSeen = received(beg)
      expect((await emitAck(beg, 'gesprek:join', { gesprekId: g.gesprekId })).ok).toBe(true)
      expect((await emitAck(kid, 'gesprek:join', { gesprekId: g.gesprekId })).ok).toBe(true)
      const ack = await emitAck(kid, 'gesprek:command', {
        gesprekId: g.gesprekId,
        clientMsgId: msgId(),
        event: { type: 'item.add', item: { id: 'item-mn-nginx', text: 'via de proxy' } },
      })
      expect(ack.ok, JSON.stringify(ack)).toBe(true)
      await until(() => begSeen.some((v) => v.includes('via de proxy')), 2000, 'relay through nginx')
      kid.disconnect()
      beg.disconnect()
    } finally {
      await proxy.stop()
    }
  })

  it('counts rate limits across nodes: five wrong join codes a minute per source, wherever they land', async () => {
    const tries: number[] = []
    for (let i = 0; i < 6; i++) {
      const via = i % 2 === 0 ? a.url : b.url
      tries.push((await new HttpUser(via).post<KindJoinOut>('/api/kind/join', { code: 'ZZZZ-ZZZZ' })).status)
    }
    expect(tries.slice(0, 5).every((s) => s === 400 || s === 404)).toBe(true)
    expect(tries[5]).toBe(429)
  })

  it('runs the retention job once for both nodes, not once each', async () => {
    // Each node's first round is a second after its start; both have had theirs by now.
    await new Promise((r) => setTimeout(r, 2500))
    const rounds = [...a.stderr, ...b.stderr].filter((l) => l.includes('"retention round"'))
    expect(rounds).toHaveLength(1)
  })

  it('a kamer set up on A opens on B: the jongere works on B, A sees only what was shared, a lock on A ends B', async () => {
    const sanne = await HttpUser.login(a.url, 'sanne', PASSWORD)
    const { childId, token } = await setUpKamer(a.url, sanne)
    // The PIN was given to A; B unseals the kamer key from the token alone (stored sealed under it, never in Redis).
    const made = await new HttpUser(b.url, token).post<KamerGesprek>('/api/kamer/gesprekken', {
      toolId: 'kamer-notities',
    })
    expect(made.status).toBe(200)
    const g = String(made.body.id)
    // A second tap that lands on A makes no second gesprek.
    expect(
      (await new HttpUser(a.url, token).post<KamerGesprek>('/api/kamer/gesprekken', { toolId: 'kamer-notities' })).body
        .id,
    ).toBe(g)
    const beg = open(a.url, { cookie: sanne.cookie })
    const begSeen = received(beg)
    const kid = open(b.url, { token })
    await Promise.all([connected(beg), connected(kid)])
    expect((await emitAck(beg, 'gesprek:join', { gesprekId: g })).ok).toBe(true)
    expect((await emitAck(kid, 'gesprek:join', { gesprekId: g })).ok).toBe(true)
    const send = async (event: unknown) => {
      const ack = await emitAck(kid, 'gesprek:command', { gesprekId: g, clientMsgId: msgId(), event })
      expect(ack.ok, JSON.stringify(ack)).toBe(true)
    }
    const canary = `KAMERKANARIE${Math.random().toString(36).slice(2, 10).toUpperCase()}`
    await send({ type: 'nav.next' })
    await send({ type: 'item.add', item: { id: 'note-mn-prive', text: canary, pictures: [] } })
    await send({ type: 'item.add', item: { id: 'note-mn-open', text: 'gedeeld vanaf B', pictures: [] } })
    await send({ type: 'share.set', itemIds: ['note-mn-open'], level: 'begeleider' })
    await until(() => begSeen.some((v) => v.includes('gedeeld vanaf B')), 2000, 'kamer relay B→A')
    expect(begSeen.join('\n')).not.toContain(canary)
    // The jongere's phone reaches A next (a new connection): A opens the same kamer, with the private note.
    const kidA = open(a.url, { token })
    await connected(kidA)
    expect(JSON.stringify(dataOf(await emitAck(kidA, 'gesprek:join', { gesprekId: g })).view)).toContain(canary)
    // The lock goes to A; the socket on B ends within a second, and B forgets the kamer key.
    const ended = new Promise<number>((resolve) => kid.once('disconnect', () => resolve(Date.now())))
    const t0 = Date.now()
    expect((await new HttpUser(a.url, token).post('/api/kamer/lock')).status).toBe(200)
    expect((await ended) - t0).toBeLessThan(1000)
    expect(
      (await new HttpUser(b.url, token).post<KamerGesprek>('/api/kamer/gesprekken', { toolId: 'kamer-notities' }))
        .status,
    ).toBe(401)
    // Closed, the begeleider on B reads the shared copy: what was shared, nothing else.
    const onB = await HttpUser.login(b.url, 'sanne', PASSWORD)
    const overview = await onB.get(`/api/kamer/children/${childId}`)
    expect(overview.status).toBe(200)
    expect(JSON.stringify(overview.body)).toContain('gedeeld vanaf B')
    expect(JSON.stringify(overview.body)).not.toContain(canary)
    kidA.disconnect()
    beg.disconnect()
  })

  it('SIGKILL of A mid-gesprek: the child continues on B with every acked answer there exactly once', async () => {
    const g = seed.gesprekken[1]!
    const reader = await DbReader.open(dirA, { databaseUrl: env.DATABASE_URL!, instanceKey: TEST_INSTANCE_KEY })
    const sim = new SimGesprek(1, g.gesprekId, g.childId, g.token, 60)
    sim.kid = open(a.url, { token: g.token })
    const beg = open(b.url, { cookie: seed.cookie })
    await Promise.all([connected(sim.kid), connected(beg)])
    let begMax = 0
    beg.on('gesprek:view', (raw) => void (begMax = Math.max(begMax, S2C['gesprek:view'].parse(raw).seq)))
    beg.on('gesprek:patch', (raw) => void (begMax = Math.max(begMax, S2C['gesprek:patch'].parse(raw).seq)))
    await emitAck(beg, 'gesprek:join', { gesprekId: g.gesprekId })
    await emitAck(sim.kid, 'gesprek:join', { gesprekId: g.gesprekId })
    // Load on A, then the kill while commands are still going out.
    const killAt = 20
    const drive = (async () => {
      while (!sim.done) {
        if ((await sim.step(2000)) === 'retry') {
          if (!sim.kid?.connected) return
        }
      }
    })()
    await until(() => sim.acked >= killAt, 20_000, 'load on A')
    a.proc.kill('SIGKILL')
    await a.exited
    await drive
    // The client reconnects to the other node and re-joins with its last seq, as behind a load balancer.
    sim.kid.disconnect()
    sim.kid = open(b.url, { token: g.token })
    await connected(sim.kid)
    const rejoin = await emitAck(sim.kid, 'gesprek:join', { gesprekId: g.gesprekId, lastSeq: sim.acked })
    expect(rejoin.ok).toBe(true)
    // At most the one command in flight at the kill was stored without its ack; the retry dedupes it.
    expect([sim.acked, sim.acked + 1]).toContain(dataOf(rejoin).seq)
    while (!sim.done) expect(await sim.step(5000)).toBe('ok')
    await until(() => begMax >= sim.acked, 2000, 'the begeleider on B sees the last answer')
    const stored = await reader.events(g.gesprekId, g.childId)
    await reader.close()
    const problems = sim.checkStored(stored)
    expect(problems).toEqual([])
    expect(stored).toHaveLength(sim.acked)
  })

  it(
    'a deactivation from the CLI, and one on the other node, end the begeleider socket on B within a second',
    { timeout: 120_000 },
    async () => {
      const a2 = await node(dirA) // A comes back after its kill
      // The CLI, beside the running nodes, on the same PostgreSQL and Redis.
      const cli = (command: string) =>
        run(
          process.execPath,
          [
            '--import',
            'tsx',
            'server/cli.ts',
            command,
            '--organisation-id',
            seed.organisationId,
            '--begeleider-id',
            seed.begeleiderId,
          ],
          { env: { ...process.env, ...env, DATA_DIR: dirA } },
        )
      const beg1 = open(b.url, { cookie: seed.cookie })
      await connected(beg1)
      const ended1 = new Promise<number>((resolve) => beg1.once('disconnect', () => resolve(Date.now())))
      await cli('deactivate')
      // The notice is written before the CLI exits; the socket on B ends within a second of that.
      const cliDone = Date.now()
      expect((await ended1) - cliDone).toBeLessThan(1000)
      await cli('activate')

      // The admin deactivates Sanne on A; her socket on B ends.
      const sanne = await HttpUser.login(b.url, 'sanne', PASSWORD)
      const beg2 = open(b.url, { cookie: sanne.cookie })
      await connected(beg2)
      const ended2 = new Promise<void>((resolve) => beg2.once('disconnect', () => resolve()))
      const admin = await HttpUser.login(a2.url, 'admin-a', PASSWORD)
      const t2 = Date.now()
      expect((await admin.post(`/api/beheer/begeleiders/${seed.begeleiderId}/deactivate`)).status).toBe(200)
      await ended2
      expect(Date.now() - t2).toBeLessThan(1000)
      expect((await sanne.get('/api/auth/me')).status).toBe(401)
    },
  )
})
