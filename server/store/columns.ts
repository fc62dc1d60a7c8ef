import type { ColumnDefinitionBuilder, Kysely } from 'kysely'
import { dialectOf } from './dialect'

/**
 * An integer id the database numbers itself. SQLite: `integer primary key autoincrement`, exactly what the
 * shipped migrations created, so existing files stay as they are. PostgreSQL has no autoincrement keyword:
 * an identity column there.
 */
export function autoId(db: Pick<Kysely<never>, 'getExecutor'>) {
  const pg = dialectOf(db) === 'postgres'
  return (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()
}
