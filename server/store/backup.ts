import Sqlite from 'better-sqlite3'
import { chmodSync, existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * An online, consistent copy of the database (SQLite's backup API), safe beside a running server.
 * The copy holds sealed answers and wrapped child keys but never the instance key: keep the two apart
 * (docs/operations.md). Written with mode 0600; an existing file is never overwritten.
 */
export async function backupDatabase(dataDir: string, to: string): Promise<{ pages: number }> {
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
