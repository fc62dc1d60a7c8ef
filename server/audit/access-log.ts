import { sql } from 'kysely'
import { createHash } from 'node:crypto'
import { CodedError } from '../../dialogs/contract/errors'
import { DEVICE_ACCESS_TYPES, type AccessType, type ReceiptEntry } from '../../dialogs/contract/receipt'
import { iso } from '../clock'
import type { Deps } from '../deps'
import { dialectOf } from '../store/dialect'
import { LOCKS } from '../store/locks'
import { CHAINED_COLUMNS, writerOf, type SqliteWriter } from '../store/sqlite-writer'
import type { Database } from '../store/schema'

/**
 * The access log (NEN 7513-like, docs/deelafspraak.md): who reached which child's gesprek, when, through which screen
 * or export, and which parts (step ids) were in view. Never content.
 *
 * Append-only by code (nothing here updates or deletes) and tamper-evident: every row stores the hash
 * of the row before it, so changing, removing or reordering a row breaks the chain (`verifyAccessLog`).
 * Cutting off the newest rows is only caught against a head hash kept elsewhere (docs/deelafspraak.md).
 */
export type AccessEntry = {
  begeleiderId: string
  childId: string
  gesprekId?: string
  what: AccessType
  stepIds?: string[]
}

export const GENESIS_HASH = '0'.repeat(64)

/** Every column of a row except its own id and hash: what the hash covers. */
type ChainedFields = Omit<Database['access_log'], 'id' | 'hash'>

/** Canonical: a fixed field order in a JSON array, so the same row always hashes the same. */
export function rowHash(r: ChainedFields): string {
  const canonical = JSON.stringify(CHAINED_COLUMNS.map((c) => r[c]))
  return createHash('sha256').update(canonical).digest('hex')
}

type Queued = { entry: AccessEntry; resolve: () => void; reject: (err: unknown) => void }
const queues = new WeakMap<Deps['db'], Queued[]>()

/**
 * Records one access. Callers await it before they answer: no log line, no data (fail closed).
 * Accesses that arrive in the same turn of the event loop (a reconnect storm re-joins hundreds of live
 * views at once) share one transaction and its one disk sync; each row still chains to the one before,
 * and each caller hears only about its own row. The read of the chain's head and the inserts share the
 * transaction; SQLite runs them one at a time.
 * On PostgreSQL several nodes append at once: a transaction-scoped advisory lock on the head makes them
 * take turns, so two rows never link to the same predecessor (the chain would fork).
 */
export function recordAccess(deps: Deps, entry: AccessEntry): Promise<void> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(deps.db)
    if (!queue) {
      queues.set(deps.db, (queue = []))
      setImmediate(() => {
        queues.delete(deps.db)
        void writeAccesses(deps, queue!)
      })
    }
    queue.push({ entry, resolve, reject })
  })
}

async function writeAccesses(deps: Deps, batch: Queued[]): Promise<void> {
  // The embedded database: on the writer thread, so the main thread neither waits for the write lock nor
  // for the disk sync while hundreds of live views re-join (docs/decisions/0120).
  const writer = writerOf(deps.db)
  if (writer) return viaWriter(deps, writer, batch)
  const failed = new Map<Queued, unknown>()
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (dialectOf(trx) === 'postgres')
        await sql`select pg_advisory_xact_lock(${LOCKS.accessLog}::bigint)`.execute(trx)
      let head = (await trx.selectFrom('access_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst())
        ?.hash
      for (const q of batch) {
        const child = await trx
          .selectFrom('children')
          .select('organisation_id')
          .where('id', '=', q.entry.childId)
          .executeTakeFirst()
        if (!child) {
          failed.set(q, new CodedError('not_found', 404))
          continue
        }
        const fields: ChainedFields = {
          organisation_id: child.organisation_id,
          child_id: q.entry.childId,
          begeleider_id: q.entry.begeleiderId,
          gesprek_id: q.entry.gesprekId ?? null,
          what: q.entry.what,
          step_ids: JSON.stringify([...new Set(q.entry.stepIds ?? [])].sort()),
          created_at: iso(deps.clock),
          prev_hash: head ?? GENESIS_HASH,
        }
        const hash = rowHash(fields)
        await trx
          .insertInto('access_log')
          .values({ ...fields, hash })
          .execute()
        head = hash
      }
    })
  } catch (err) {
    for (const q of batch) q.reject(err)
    return
  }
  for (const q of batch) {
    if (failed.has(q)) q.reject(failed.get(q))
    else q.resolve()
  }
}

async function viaWriter(deps: Deps, writer: SqliteWriter, batch: Queued[]): Promise<void> {
  const at = iso(deps.clock)
  let missing: Set<number>
  try {
    const rows = batch.map(({ entry: e }) => ({
      child_id: e.childId,
      begeleider_id: e.begeleiderId,
      gesprek_id: e.gesprekId ?? null,
      what: e.what,
      step_ids: JSON.stringify([...new Set(e.stepIds ?? [])].sort()),
      created_at: at,
    }))
    missing = new Set(await writer.appendAccesses(rows, GENESIS_HASH))
  } catch (err) {
    for (const q of batch) q.reject(err)
    return
  }
  batch.forEach((q, i) => (missing.has(i) ? q.reject(new CodedError('not_found', 404)) : q.resolve()))
}

export type ChainCheck = { ok: true; rows: number; head: string } | { ok: false; brokenAtId: number }

/** Walks the whole chain; the first row whose link or hash does not match is reported. */
export async function verifyAccessLog(deps: Deps): Promise<ChainCheck> {
  let prev = GENESIS_HASH
  let rows = 0
  let lastId = 0
  for (;;) {
    const page = await deps.db
      .selectFrom('access_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(1000)
      .execute()
    if (page.length === 0) break
    for (const r of page) {
      if (r.prev_hash !== prev || rowHash(r) !== r.hash) return { ok: false, brokenAtId: r.id }
      prev = r.hash
      lastId = r.id
      rows++
    }
  }
  return { ok: true, rows, head: prev }
}

/** The calendar day in the Netherlands: what "op dinsdag" means to the child. */
const dayOf = (isoTime: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(isoTime))

/**
 * The child's receipt, newest first: plain entries (who, through what, which parts, when).
 * Repeated looks by the same person at the same gesprek through the same screen on the same day become
 * one line with a count and the parts put together, so a reconnecting laptop does not flood the child's list.
 */
export async function receiptFor(deps: Deps, childId: string, limit = 100): Promise<ReceiptEntry[]> {
  const rows = await deps.db
    .selectFrom('access_log')
    .innerJoin('begeleiders', 'begeleiders.id', 'access_log.begeleider_id')
    .leftJoin('gesprekken', 'gesprekken.id', 'access_log.gesprek_id')
    .select([
      'access_log.id',
      'access_log.begeleider_id',
      'access_log.gesprek_id',
      'access_log.what',
      'access_log.step_ids',
      'access_log.created_at',
      'begeleiders.display_name',
      'begeleiders.role',
      'gesprekken.tool_id',
    ])
    .where('access_log.child_id', '=', childId)
    .orderBy('access_log.id', 'desc')
    .limit(2000)
    .execute()
  const lines = new Map<string, ReceiptEntry>()
  for (const r of rows) {
    const what = r.what
    const stepIds = JSON.parse(r.step_ids) as string[]
    // Opening the live screen loads the page and joins the live room: for the child that is one look.
    const group = what === 'gesprek' ? 'live' : what
    // A screen joining is one line each: the child sees every one, with its time.
    const key = DEVICE_ACCESS_TYPES.includes(what)
      ? JSON.stringify(['device', r.id])
      : JSON.stringify([r.begeleider_id, r.gesprek_id, group, dayOf(r.created_at)])
    const seen = lines.get(key)
    if (seen) {
      seen.count++
      if (what === 'live') seen.what = 'live'
      seen.stepIds = [...new Set([...seen.stepIds, ...stepIds])].sort()
      continue
    }
    if (lines.size >= limit) continue
    lines.set(key, {
      who: r.display_name,
      role: r.role === 'admin' ? 'admin' : 'begeleider',
      what,
      toolId: r.tool_id ?? null,
      stepIds,
      at: r.created_at,
      count: 1,
    })
  }
  return [...lines.values()]
}

/**
 * One line per gesprek among the parts a screen shows (each a gesprek and a step), in the order the
 * gesprekken first appear, with the steps in view: written before anything is answered, so there is no
 * look without its line on the child's receipt.
 */
export async function recordLooks(
  deps: Deps,
  look: Omit<AccessEntry, 'gesprekId' | 'stepIds'>,
  parts: Iterable<{ gesprekId: string; stepId: string }>,
): Promise<void> {
  const byGesprek = new Map<string, Set<string>>()
  for (const { gesprekId, stepId } of parts)
    byGesprek.set(gesprekId, (byGesprek.get(gesprekId) ?? new Set()).add(stepId))
  for (const [gesprekId, steps] of byGesprek) await recordAccess(deps, { ...look, gesprekId, stepIds: [...steps] })
}

/** Which parts of a gesprek a view showed: the steps of the items in it (what the receipt names). */
export function stepsInView(view: { items: readonly { stepId: string }[] }): string[] {
  return [...new Set(view.items.map((i) => i.stepId))]
}

/**
 * A screen came to hold a child's token: logged under the begeleider who made the code (or, for codes from
 * before that was recorded, the child's own begeleider), so the child's receipt shows every one.
 */
export async function recordDeviceJoin(
  deps: Deps,
  joined: { childId: string; gesprekId: string; how: 'join' | 'rejoin' | 'second-device'; mintedBy: string | null },
): Promise<void> {
  let by = joined.mintedBy
  if (!by) {
    const child = await deps.db
      .selectFrom('children')
      .select('begeleider_id')
      .where('id', '=', joined.childId)
      .executeTakeFirstOrThrow()
    by = child.begeleider_id
  }
  await recordAccess(deps, { begeleiderId: by, childId: joined.childId, gesprekId: joined.gesprekId, what: joined.how })
}

/**
 * A kamer set up or opened is a way to the child's own view: on the jongere's receipt with its time,
 * under the child's own begeleider (who made the invite), like every joined screen.
 */
export async function recordKamerEntry(deps: Deps, childId: string, how: 'kamer-setup' | 'kamer-open'): Promise<void> {
  const child = await deps.db
    .selectFrom('children')
    .select('begeleider_id')
    .where('id', '=', childId)
    .executeTakeFirstOrThrow()
  await recordAccess(deps, { begeleiderId: child.begeleider_id, childId, what: how })
}
