import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/server'
import { SimGesprek } from './model'
import { DbReader, sleep, spawnServer, until, type ServerProc } from './proc'
import type { SeedFile } from './server-process'

/**
 * Graceful shutdown (docs/operations.md): on SIGTERM the server stops accepting, lets the commands already queued commit and ack,
 * tells every client `server:restarting`, closes, and exits 0. Nothing acked is lost.
 */
const dataDir = tempDir('kg-shutdown-')
const procs: ServerProc[] = []
afterAll(() => {
  for (const p of procs) p.proc.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

describe('graceful shutdown', () => {
  it('finishes in-flight commits, tells clients to reconnect and exits cleanly', { timeout: 120_000 }, async () => {
    const seedOut = join(dataDir, 'seed.json')
    const first = await spawnServer(dataDir, { env: { SEED_GESPREKKEN: '20', SEED_OUT: seedOut } })
    procs.push(first)
    const seed = JSON.parse(readFileSync(seedOut, 'utf8')) as SeedFile
    const sims = seed.gesprekken.map((g, i) => new SimGesprek(i, g.gesprekId, g.childId, g.token))
    await Promise.all(sims.map((s) => s.connect(first.url, seed.gesprekken[s.index]!.cookie)))
    let restarting = 0
    for (const s of sims) for (const sock of [s.kid!, s.beg!]) sock.on('server:restarting', () => restarting++)

    let sigtermAt = Infinity
    let ackedAfter = 0
    const refusals: string[] = []
    const drivers = sims.map(async (s) => {
      while (s.kid?.connected && !s.done) {
        const before = s.acked
        const r = await s.step(5000).catch((e: unknown) => {
          refusals.push(String(e))
          return 'retry' as const
        })
        if (s.acked > before && Date.now() > sigtermAt) ackedAfter++
        if (r === 'retry') await sleep(20)
      }
    })
    // Load first (a condition, not a fixed sleep: PostgreSQL on a busy machine takes longer to warm up).
    await until(() => sims.reduce((n, s) => n + s.acked, 0) >= 40, 30_000, 'load before the SIGTERM')
    await sleep(100)
    const inFlight = sims.filter((s) => s.inFlight).length
    sigtermAt = Date.now()
    first.proc.kill('SIGTERM')
    const exit = await first.exited
    await Promise.all(drivers)
    for (const s of sims) s.disconnect()

    expect(exit).toEqual({ code: 0, signal: null })
    expect(refusals).toEqual([])
    // Every socket was told before it was closed.
    expect(restarting).toBe(sims.length * 2)
    expect(first.stderr.filter((l) => l.includes('"level":"error"'))).toEqual([])
    console.log(JSON.stringify({ inFlightAtSigterm: inFlight, ackedAfterSigterm: ackedAfter }))

    // Restart on the same folder: everything acked is there, at most the one unacked command more.
    const second = await spawnServer(dataDir)
    procs.push(second)
    await Promise.all(sims.map((s) => s.connect(second.url, seed.gesprekken[s.index]!.cookie)))
    const db = await DbReader.open(dataDir)
    const problems: string[] = []
    for (const s of sims) {
      const stored = await db.events(s.gesprekId, s.childId)
      problems.push(...s.checkStored(stored), ...(await s.checkBegeleiderView(stored)))
    }
    await db.close()
    expect(problems).toEqual([])
    expect(sims.reduce((n, s) => n + s.acked, 0)).toBeGreaterThan(20)
    for (const s of sims) s.disconnect()
    second.proc.kill('SIGTERM')
    expect((await second.exited).code).toBe(0)
  })
})
