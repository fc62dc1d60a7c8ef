import Sqlite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { migrate } from './migrations'
import type { Database } from './schema'

export { dialectOf } from './dialect'
export { ifLockFree, LOCKS, withLock } from './locks'

export type Db = Kysely<Database>

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
 * before we ack it (REL-01), and a SIGKILL cannot lose an acknowledged answer.
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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) })
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
