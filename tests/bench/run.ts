/**
 * `npm run bench`: every benchmark, one after another, each in its own process group, each printing one
 * JSON line per figure with its target and the load average beside it, then one line with its wall
 * time. About ten minutes on an idle 2-core machine; a bench still running at its own limit is ended
 * with every process it started, so the whole run ends within about twelve minutes. Needs a built
 * client for the last one (`npm run build`). BENCH_QUICK=1: a short run for development (no 5,000
 * level, short steady states, 500 gesprekken in the storm, 3 page loads).
 */
import { spawn } from 'node:child_process'

const quick = process.env.BENCH_QUICK === '1'
const env = {
  ...process.env,
  ...(quick
    ? { RELAY_LEVELS: '100,1000', BENCH_SECONDS: '8', CAPACITY_SECONDS: '5', CLIENT_RUNS: '3', STORM_GESPREKKEN: '500' }
    : {}),
}
/** Each bench's limit in seconds: together about thirteen minutes. */
const BENCHES: [string, number][] = [
  ['command-cpu.ts', 60],
  ['relay.ts', 300],
  ['length.ts', 90],
  ['capacity.ts', 100],
  ['storm.ts', 120],
  ['client.ts', 120],
]

function run(bench: string, limitS: number): Promise<string | null> {
  return new Promise((resolve) => {
    // A group of its own: at the limit the bench goes with its servers and load generators.
    const child = spawn(process.execPath, ['--import', 'tsx', `tests/bench/${bench}`], {
      stdio: 'inherit',
      env,
      detached: true,
    })
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    }, limitS * 1000)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      resolve(
        code === 0 ? null : signal === 'SIGKILL' ? `stopped at its limit of ${limitS} s` : `exit ${code ?? signal}`,
      )
    })
  })
}

let failed = 0
for (const [bench, limit] of BENCHES) {
  const started = performance.now()
  const error = await run(bench, limit)
  if (error) failed++
  const seconds = Math.round((performance.now() - started) / 1000)
  process.stdout.write(JSON.stringify({ bench, seconds, limit, ...(error ? { error } : {}) }) + '\n')
}
process.exit(failed ? 1 : 0)
