import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * The method's records per child (ADR 0065): consent, the weekly oudergesprek, the joint conversation
 * after a kind-gesprek, the fase-1 checklist and the warm handover. One append-only table: the newest
 * row of a kind is the current state, the older ones stay readable. The body is sealed with the child's
 * key (it can hold wishes and names of professionals); only the kind and the day stay plain, so the
 * reminders can be counted without opening anything.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('method_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // The order of a child's records of one kind (1, 2, ...): "newest" without trusting the clock.
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('held_on', 'text')
    .addColumn('begeleider_id', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('method_records_child_kind_n')
    .on('method_records')
    .columns(['child_id', 'kind', 'n'])
    .execute()
}
