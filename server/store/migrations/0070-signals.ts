import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * Signals reach a person (docs/signals.md). The signals themselves are derived from the begeleider's
 * projection at read time; these tables hold only what a person did or when: ids and dates, no answers.
 * - signal_seen: when a signal first reached the begeleider's projection (starts the follow-up window).
 * - signal_followups: "besproken met het kind / in het team / met de ouder op …", by a begeleider.
 * - talk_requests: a jongere pressed "Ik wil praten" in the kamer; nothing more is sent.
 * Every table references the child, so erasure (server/privacy/child-data.ts) takes them along.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('signal_seen')
    .addColumn('gesprek_id', 'text', (c) => c.notNull().references('gesprekken.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('signal_seen_pk', ['gesprek_id', 'item_id'])
    .execute()
  await db.schema.createIndex('signal_seen_child').on('signal_seen').column('child_id').execute()
  await db.schema
    .createTable('signal_followups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('gesprek_id', 'text', (c) => c.notNull().references('gesprekken.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('begeleider_id', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('with_whom', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('signal_followups_child').on('signal_followups').column('child_id').execute()
  await db.schema
    .createTable('talk_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('handled_at', 'text')
    .addColumn('handled_by', 'text', (c) => c.references('begeleiders.id'))
    .execute()
  await db.schema.createIndex('talk_requests_child').on('talk_requests').column('child_id').execute()
}
