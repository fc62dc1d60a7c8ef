import Sqlite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { migrate } from './migrations'
import type { Database } from './schema'

export { dialectOf } from './dialect'
export { ifLockFree, LOCKS, withLock } from './locks'

export type Db = Kysely<Database>

/** The embedded file behind a Kysely instance, for the few hot statements that skip the query builder. */
const files = new WeakMap<Db, Sqlite.Database>()

/** The better-sqlite3 handle of an embedded database; undefined for any other dialect (PostgreSQL). */
export const sqliteFileOf = (db: Db): Sqlite.Database | undefined => files.get(db)

/** How many distinct statements stay prepared; the app issues a few hundred shapes at most. */
const STATEMENT_CACHE = 1000

/**
 * Kysely's SQLite driver calls `prepare` for every query; preparing costs more than running a small
 * statement. The same SQL text gets the same prepared statement back (better-sqlite3 statements are
 * reusable; every call runs to completion before the next, so sharing one is safe). Oldest first out.
 */
export function cachingPrepare(file: Sqlite.Database, size = STATEMENT_CACHE): SqliteDatabase {
  const cache = new Map<string, Sqlite.Statement>()
  return {
    close: () => file.close(),
    prepare(text: string) {
      // Kysely opens transactions with a deferred `begin`: one that reads and then writes fails at once
      // with SQLITE_BUSY when the writer thread committed in between. Immediate takes the write lock up
      // front, and waits (busy_timeout) instead of failing.
      const sql = text === 'begin' ? 'begin immediate' : text
      let stmt = cache.get(sql)
      if (!stmt) {
        stmt = file.prepare(sql)
        if (cache.size >= size) cache.delete(cache.keys().next().value!)
        cache.set(sql, stmt)
      }
      return stmt
    },
  }
}

/** Where the data lives: the SQLite file in `dataDir`, or PostgreSQL when `databaseUrl` is set. */
export type StoreOptions = { dataDir: string; databaseUrl?: string | undefined }

/** Opens the store named by the options and brings its schema up to date (under a lock on PostgreSQL). */
export async function openStore(opts: StoreOptions): Promise<Db> {
  const db = opts.databaseUrl ? openPostgres(opts.databaseUrl) : openSqliteFile(opts.dataDir)
  try {
    await migrate(db)
  } catch (err) {
    await db.destroy()
    throw err
  }
  return db
}

/**
 * The embedded SQLite database. WAL + synchronous=FULL: a commit has reached the disk
 * before we ack it (an acknowledged answer is never lost, docs/architecture.md), and a SIGKILL cannot lose an acknowledged answer.
 */
function openSqliteFile(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const file = new Sqlite(join(dataDir, 'kindgesprek.sqlite'))
  file.pragma('journal_mode = WAL')
  file.pragma('synchronous = FULL')
  file.pragma('foreign_keys = ON')
  file.pragma('busy_timeout = 5000')
  // Overwrite deleted pages so erased or retention-deleted rows do not linger in the file.
  file.pragma('secure_delete = ON')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingPrepare(file) }) })
  files.set(db, file)
  return db
}

const INT8 = 20
const NUMERIC = 1700

/**
 * PostgreSQL through the same Kysely layer. Counts (bigint) and numerics arrive as numbers, as on SQLite:
 * our figures stay far below 2^53, and a string '3' compared with 3 was a silent bug waiting.
 */
function openPostgres(connectionString: string): Db {
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    types: {
      getTypeParser: ((oid: number, format: 'text') =>
        oid === INT8 || oid === NUMERIC
          ? (v: string): unknown => Number(v)
          : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  })
  // An idle client losing its server (a PostgreSQL restart) must not crash the node; the next query reconnects.
  pool.on('error', () => undefined)
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
