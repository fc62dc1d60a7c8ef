/**
 * BENCH_CPU_PROF=<dir>: a CPU profile of each interval between two SIGUSR2 signals, written into that
 * folder (benchmarks only; tests/bench/lib/harness.ts sends the signals around each measured interval).
 * The product server and the bare relay use the same, so their profiles compare.
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'

/** Called on every SIGUSR2: the first starts a profile, each later one writes it and starts the next. */
export function cpuProfiler(name: string): (() => void) | null {
  const dir = process.env.BENCH_CPU_PROF
  if (!dir) return null
  const session = new Session()
  session.connect()
  let profiling = false
  let count = 0
  return () =>
    void (async () => {
      if (profiling) {
        const { profile } = await session.post('Profiler.stop')
        writeFileSync(join(dir, `${name}-${process.pid}-${++count}.cpuprofile`), JSON.stringify(profile))
      } else await session.post('Profiler.enable')
      await session.post('Profiler.start')
      profiling = true
    })()
}
