import Sqlite from 'better-sqlite3'
import { chmodSync, existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * An online, consistent copy of the database (SQLite's backup API), safe beside a running server.
 * The copy holds sealed answers and wrapped child keys but never the instance key: keep the two apart
 * (docs/operations.md). Written with mode 0600; an existing file is never overwritten.
 */
export async function backupDatabase(dataDir: string, to: string, databaseUrl?: string): Promise<{ pages: number }> {
  if (databaseUrl) throw new Error(POSTGRES_BACKUP)
  if (existsSync(to)) throw new Error(`refusing to overwrite ${to}`)
  const source = new Sqlite(join(dataDir, 'kindgesprek.sqlite'), { fileMustExist: true })
  try {
    source.pragma('busy_timeout = 5000')
    const result = await source.backup(to)
    chmodSync(to, 0o600)
    return { pages: result.totalPages }
  } finally {
    source.close()
  }
}

/**
 * On PostgreSQL the database is backed up with its own tools; this CLI does not copy it. Said in full,
 * because an operator who runs `backup` expects a file and must learn where it comes from instead.
 */
export const POSTGRES_BACKUP = [
  'DATABASE_URL is set: back up PostgreSQL with pg_dump, not with this command.',
  '  pg_dump --format=custom --file=kindgesprek-$(date +%F).dump "$DATABASE_URL"',
  'The dump holds sealed answers and wrapped child keys, never the instance key: keep KINDGESPREK_KEY in',
  'your secrets store, apart from the dumps (docs/operations.md: backups on PostgreSQL).',
].join('\n')
