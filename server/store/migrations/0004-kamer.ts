import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * The jongere's kamer: one per child (name key + PIN hash + lockout), the begeleider's single-use
 * invites, the kamer tokens (server-side idle lock), and what each begeleider last saw shared.
 * The kamer's work itself lives in ordinary gesprekken with setting 'kamer' (sealed like all answers).
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('kamers')
    .addColumn('child_id', 'text', (c) => c.primaryKey().references('children.id'))
    .addColumn('name_key', 'text', (c) => c.unique())
    .addColumn('secret_hash', 'text')
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('kamer_invites')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('begeleider_id', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('kamer_invites_child').on('kamer_invites').column('child_id').execute()
  await db.schema
    .createTable('kamer_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('kamer_tokens_child').on('kamer_tokens').column('child_id').execute()
  await db.schema
    .createTable('kamer_seen')
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('begeleider_id', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('item_ids', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kamer_seen_pk', ['child_id', 'begeleider_id'])
    .execute()
}
