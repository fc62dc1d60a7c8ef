import type { Db } from '../store/db'
import { RevocationNotice, type RevocationHandler, type Revocations } from './revocations'

/** How often a server looks for notices written by another process (the CLI): well inside a second. */
export const REVOCATION_POLL_MS = 250
/** Rows older than this are read by every running node long since: they go. */
const KEEP_MS = 60 * 60_000

/** Appends one notice; the next free seq, retried when another writer took it first. */
export async function writeRevocation(db: Db, notice: RevocationNotice): Promise<void> {
  const value = JSON.stringify(RevocationNotice.parse(notice))
  for (let attempt = 0; ; attempt++) {
    try {
      await db.transaction().execute(async (trx) => {
        const top = await trx
          .selectFrom('revocations')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .executeTakeFirst()
        await trx
          .insertInto('revocations')
          .values({ seq: Number(top?.seq ?? 0) + 1, notice: value, created_at: new Date().toISOString() })
          .execute()
      })
      return
    } catch (err) {
      if (attempt >= 5) throw err
    }
  }
}

/**
 * What a process without sockets uses (the admin CLI): publishing writes the notice to the table, where
 * every running server picks it up within REVOCATION_POLL_MS. Nothing to subscribe to here.
 */
export class TableRevocations implements Revocations {
  constructor(private readonly db: Db) {}
  publish(notice: RevocationNotice): Promise<void> {
    return writeRevocation(this.db, notice)
  }
  subscribe(_handler: RevocationHandler): () => void {
    return () => undefined
  }
}

/**
 * A server's reader of the table: notices newer than the ones it has seen go to `into` (its own channel,
 * which ends the sockets). Starts after the newest row, so a restart does not replay old notices: the
 * sockets they were about are gone already.
 */
export async function followRevocationTable(
  db: Db,
  into: Revocations,
  onError: (err: unknown) => void,
  intervalMs = REVOCATION_POLL_MS,
): Promise<() => void> {
  const top = await db
    .selectFrom('revocations')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst()
  let last = Number(top?.seq ?? 0)
  let busy = false
  let stopped = false
  const poll = async () => {
    if (busy || stopped) return
    busy = true
    try {
      const rows = await db
        .selectFrom('revocations')
        .select(['seq', 'notice'])
        .where('seq', '>', last)
        .orderBy('seq')
        .limit(500)
        .execute()
      for (const row of rows) {
        last = row.seq
        const parsed = RevocationNotice.safeParse(JSON.parse(row.notice))
        if (parsed.success) await into.publish(parsed.data)
      }
      if (rows.length > 0)
        await db
          .deleteFrom('revocations')
          .where('seq', '<=', last)
          .where('created_at', '<', new Date(Date.now() - KEEP_MS).toISOString())
          .execute()
    } catch (err) {
      onError(err)
    } finally {
      busy = false
    }
  }
  const timer = setInterval(() => void poll(), intervalMs)
  timer.unref()
  return () => {
    stopped = true
    clearInterval(timer)
  }
}
