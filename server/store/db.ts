import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from './migrations'
import type { Database } from './schema'

export type Db = Kysely<Database>

/**
 * Opens the embedded SQLite database. WAL + synchronous=FULL: a commit has reached the disk
 * before we ack it (REL-01), and a SIGKILL cannot lose an acknowledged answer.
 */
export async function openSqlite(dataDir: string): Promise<Db> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const file = new Sqlite(join(dataDir, 'kindgesprek.sqlite'))
  file.pragma('journal_mode = WAL')
  file.pragma('synchronous = FULL')
  file.pragma('foreign_keys = ON')
  file.pragma('busy_timeout = 5000')
  // Overwrite deleted pages so erased or retention-deleted rows do not linger in the file.
  file.pragma('secure_delete = ON')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) })
  await migrate(db)
  return db
}
