import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * The content of a 6-weekly evaluation (docs/plans.md): progress per goal, the Signs-of-Safety questions
 * and the begeleider's 0-10 assessment, the "goed genoeg" checklist; sealed with the child's key. The
 * date also goes into `evaluations`, which the cadence reads.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('plan_evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('begeleider_id', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('plan_evaluations_child')
    .on('plan_evaluations')
    .columns(['child_id', 'held_on'])
    .execute()
}
