import { PostgresAdapter, type Kysely } from 'kysely'

export type Dialect = 'sqlite' | 'postgres'

/** Which SQL dialect a database (or a transaction on it) speaks. */
export function dialectOf(db: Pick<Kysely<never>, 'getExecutor'>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
