import type { Kysely } from 'kysely'
import { autoId } from '../columns'
import type { Database } from '../schema'

/**
 * The access log (NEN 7513-like, docs/deelafspraak.md): who reached which child's gesprek, when and through which screen.
 * Append-only and hash-chained (server/audit/access-log.ts); it never holds answer content.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('begeleider_id', 'text', (c) => c.notNull())
    .addColumn('gesprek_id', 'text')
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('step_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute()
  await db.schema.createIndex('access_log_child').on('access_log').columns(['child_id', 'id']).execute()
  await db.schema.createIndex('access_log_org').on('access_log').columns(['organisation_id', 'id']).execute()
}
