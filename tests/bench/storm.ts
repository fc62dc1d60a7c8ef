/**
 * Benchmark 5: reconnect storm. 1,000 connected gesprekken (child and begeleider socket each, children
 * answering every 2 s), the server SIGKILLed mid-stream and started again on the same port. Measures
 * how long until every child's outbox is empty and every begeleider's view is at that child's last
 * acked seq, and checks the database for every acked answer. Env: STORM_GESPREKKEN (default 1000).
 */
import Sqlite from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { collect, figure, login, runLoad, seededDataDir, sleep, startProduct, cleanSeeds } from './lib/harness'

const N = Number(process.env.STORM_GESPREKKEN ?? 1000)
const { dataDir, pairs } = seededDataDir(N)
let server = await startProduct(dataDir)
const port = server.port
const url = `http://127.0.0.1:${port}`
const gens = await runLoad(
  { mode: 'product', url, cookie: await login(url), intervalMs: 2000, warmupMs: 0, durationMs: 0, reconnect: true },
  pairs,
  N >= 2000 ? 2 : 1,
)
for (const g of gens) g.send({ type: 'start' })
await sleep(8000)

const killedAt = performance.now()
await server.stop('SIGKILL')
for (const g of gens) g.send({ type: 'stop-sending' })
server = await startProduct(dataDir, port)
const readyAt = performance.now()
const s0 = await server.stats()
let syncedAt = NaN
let behind = N
while (performance.now() - readyAt < 60_000) {
  const answers = await Promise.all(gens.map((g) => g.ask<{ behind: number }>({ type: 'synced?' }, 'synced')))
  behind = answers.reduce((n, a) => n + a.behind, 0)
  if (behind === 0) {
    syncedAt = performance.now()
    break
  }
  await sleep(100)
}
// The server's CPU from ready to every view in sync (the load moves it less than the wall clock).
const s1 = await server.stats()
const resyncCpuMs = (s1.cpu.user + s1.cpu.system - s0.cpu.user - s0.cpu.system) / 1000
for (const g of gens) g.send({ type: 'finish' })
const r = await collect(gens)
await server.stop()

const db = new Sqlite(join(dataDir, 'kindgesprek.sqlite'), { readonly: true })
const has = db.prepare('select 1 from gesprek_events where gesprek_id = ? and client_msg_id = ?')
let acked = 0
let lost = 0
for (const [gesprekId, ids] of Object.entries(r.acks))
  for (const id of ids) {
    acked++
    if (!has.get(gesprekId, id)) lost++
  }
db.close()
rmSync(dataDir, { recursive: true, force: true })
cleanSeeds()

const extra = { gesprekken: N, restartMs: Math.round(readyAt - killedAt), stillBehind: behind, errors: r.errors }
figure(
  'storm',
  'all views at the latest seq, after the new server was ready',
  (syncedAt - readyAt) / 1000,
  's',
  { max: 5 },
  extra,
)
figure('storm', 'all views at the latest seq, after the kill', (syncedAt - killedAt) / 1000, 's', null, extra)
figure('storm', 'server CPU from ready to in sync, per gesprek', resyncCpuMs / N, 'ms', null, {
  ...extra,
  resyncCpuMs: Math.round(resyncCpuMs),
  loopDelay: s1.loopDelay,
  commits: s1.commits,
})
figure('storm', 'acked answers lost', lost, 'answers', { max: 0 }, { ...extra, acked })
process.exit(0)
