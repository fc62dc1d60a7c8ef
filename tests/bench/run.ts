/**
 * `npm run bench`: every benchmark, one after another, each in its own process, each printing one JSON
 * line per figure with its target and the load average beside it. About fifteen minutes on the 2-core
 * machine (each bench at most fifteen). Needs a
 * built client for the last one (`npm run build`).
 */
import { spawnSync } from 'node:child_process'

const BENCHES = ['relay.ts', 'length.ts', 'capacity.ts', 'storm.ts', 'client.ts']
let failed = 0
for (const b of BENCHES) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `tests/bench/${b}`], { stdio: 'inherit', timeout: 900_000 })
  if (r.status !== 0) {
    failed++
    process.stdout.write(JSON.stringify({ bench: b, error: r.error?.message ?? `exit ${r.status}` }) + '\n')
  }
}
process.exit(failed ? 1 : 0)
