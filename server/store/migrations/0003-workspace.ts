import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * The begeleider's workspace: families (siblings together), phase and living situation per child,
 * the six-weekly evaluations, the warm-handover log, the sealed record of how the parent who did not
 * come along is informed, and the sealed oudergesprek draft.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('families')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // SQLite adds one column per statement; defaults keep existing children valid.
  await db.schema.alterTable('children').addColumn('family_id', 'text').execute()
  await db.schema
    .alterTable('children')
    .addColumn('phase', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .alterTable('children')
    .addColumn('living', 'text', (c) => c.notNull().defaultTo('residentieel'))
    .execute()
  await db.schema.createIndex('children_family').on('children').column('family_id').execute()
  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('begeleider_id', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('evaluations_child').on('evaluations').column('child_id').execute()
  await db.schema
    .createTable('child_handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('from_team_id', 'text', (c) => c.notNull())
    .addColumn('to_team_id', 'text', (c) => c.notNull())
    .addColumn('from_begeleider_id', 'text', (c) => c.notNull())
    .addColumn('to_begeleider_id', 'text', (c) => c.notNull())
    .addColumn('by_begeleider_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('other_parent_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('begeleider_id', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('other_parent_child').on('other_parent_records').column('child_id').execute()
  await db.schema
    .createTable('oudergesprek_drafts')
    .addColumn('child_id', 'text', (c) => c.primaryKey().references('children.id'))
    .addColumn('begeleider_id', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}
