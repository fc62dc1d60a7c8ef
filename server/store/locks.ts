import { sql, type Kysely } from 'kysely'
import { dialectOf } from './dialect'
import type { Database } from './schema'

type Db = Kysely<Database>

/** Named cluster-wide locks; fixed numbers so every node and the CLI agree on them. */
export const LOCKS = {
  migrate: 0x6b67_0001,
  firstStart: 0x6b67_0002,
  retention: 0x6b67_0003,
  accessLog: 0x6b67_0004,
  /** With a key (withKeyedLock): one kamer gesprek per kamer and tool, whichever node the taps reach. */
  kamerGesprek: 0x6b67_0005,
} as const

/**
 * Runs `work` while holding a PostgreSQL session advisory lock, so one node at a time does it
 * (migrations, first-start work). `work` gets the locked connection and must use it for its queries.
 * SQLite has one writer per file already: there `work` just runs.
 */
export async function withLock<T>(db: Db, lock: number, work: (db: Db) => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres') return work(db)
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${lock}::bigint)`.execute(conn)
    try {
      return await work(conn)
    } finally {
      await sql`select pg_advisory_unlock(${lock}::bigint)`.execute(conn)
    }
  })
}

/**
 * Like withLock, but gives up at once when another node holds the lock: for jobs that must run once
 * per round, not once per node (the retention job). Returns null when skipped.
 */
export async function ifLockFree<T>(db: Db, lock: number, work: (db: Db) => Promise<T>): Promise<T | null> {
  if (dialectOf(db) !== 'postgres') return work(db)
  return db.connection().execute(async (conn) => {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${lock}::bigint) as ok`.execute(conn)
    if (!got.rows[0]?.ok) return null
    try {
      return await work(conn)
    } finally {
      await sql`select pg_advisory_unlock(${lock}::bigint)`.execute(conn)
    }
  })
}

/**
 * Like withLock, for one of many things of a kind (`key`, an id): PostgreSQL's two-part advisory lock,
 * the kind as the first part and a hash of the key as the second. `work` may use any connection: the
 * lock only makes the nodes take turns. SQLite: one process, the caller's own in-process guard suffices.
 */
export async function withKeyedLock<T>(db: Db, lock: number, key: string, work: () => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres') return work()
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${lock}::int, hashtext(${key}))`.execute(conn)
    try {
      return await work()
    } finally {
      await sql`select pg_advisory_unlock(${lock}::int, hashtext(${key}))`.execute(conn)
    }
  })
}
