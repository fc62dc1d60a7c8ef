import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * A gesprek's snapshot is written every so many events instead of on every command (docs/decisions/
 * 0025): `snapshot_seq` says which event the stored snapshot folds up to; later events are replayed
 * from the log on load. Existing snapshots are current.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .alterTable('gesprekken')
    .addColumn('snapshot_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await sql`update gesprekken set snapshot_seq = seq`.execute(db)
}
