import type { Deps } from '../deps'
import type { GesprekHost } from '../gesprek/host'
import { eraseChild } from '../privacy/child-data'
import { ifLockFree, LOCKS } from '../store/db'

export const DEFAULT_RETENTION_DAYS = 30
const DAY_MS = 24 * 60 * 60_000

/**
 * Retention (docs/operations.md, "Retention and the AVG"): raw answers live here only for a while after a trajectory closes (children.closed_at);
 * this app is not the legal dossier. Each closed child past the limit is erased (crypto-shredded and
 * deleted) as on an erasure request. Idempotent: erased children have no key and are skipped.
 */
export async function runRetention(
  deps: Deps,
  host: GesprekHost,
  opts: { days?: number; onErased?: (childId: string, tokenHashes: string[]) => void } = {},
): Promise<{ erased: string[] }> {
  const days = opts.days ?? DEFAULT_RETENTION_DAYS
  const cutoff = new Date(deps.clock.now() - days * DAY_MS).toISOString()
  const due = await deps.db
    .selectFrom('children')
    .select('id')
    .where('closed_at', 'is not', null)
    .where('closed_at', '<=', cutoff)
    .where('key_wrapped', 'is not', null)
    .execute()
  const erased: string[] = []
  for (const { id } of due) {
    const { tokenHashes } = await eraseChild(deps, host, id)
    opts.onErased?.(id, tokenHashes)
    erased.push(id)
  }
  if (erased.length) deps.log.info('retention run', { erased: erased.length, days })
  return { erased }
}

/**
 * Runs the job now and then every `everyMs` (default hourly) until stopped; failures are logged, not thrown.
 * With several nodes each round runs once: `claim` (Redis) gives the round to one node, and on PostgreSQL
 * an advisory lock keeps two rounds from overlapping even without Redis.
 */
export function scheduleRetention(
  deps: Deps,
  host: GesprekHost,
  opts: {
    days?: number
    everyMs?: number
    onErased?: (childId: string, tokenHashes: string[]) => void
    claim?: (windowMs: number) => Promise<boolean>
  } = {},
): () => void {
  const everyMs = opts.everyMs ?? 60 * 60_000
  const round = async () => {
    if (opts.claim && !(await opts.claim(everyMs))) return
    const ran = await ifLockFree(deps.db, LOCKS.retention, () => runRetention(deps, host, opts))
    if (ran) deps.log.info('retention round', { erased: ran.erased.length })
  }
  const run = () =>
    void round().catch((err: unknown) =>
      deps.log.error('retention run failed', { errorName: err instanceof Error ? err.name : typeof err }),
    )
  const timer = setInterval(run, everyMs)
  timer.unref()
  const first = setTimeout(run, 1000)
  first.unref()
  return () => {
    clearInterval(timer)
    clearTimeout(first)
  }
}
