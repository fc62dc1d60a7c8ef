import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'

type Migration = { version: number; up: (db: Kysely<Database>) => Promise<void> }

/**
 * Versioned, append-only. Never edit a shipped migration; add the next number.
 * Only portable column types (text, integer) so the same list runs on SQLite and PostgreSQL.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    up: async (db) => {
      await db.schema
        .createTable('organisations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('begeleiders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('begeleider_id', 'text', (c) => c.notNull().references('begeleiders.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('children')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('begeleider_id', 'text', (c) => c.notNull().references('begeleiders.id'))
        .addColumn('nickname', 'text', (c) => c.notNull())
        .addColumn('age_band', 'text', (c) => c.notNull())
        .addColumn('key_wrapped', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .execute()
      await db.schema.createIndex('children_team').on('children').column('team_id').execute()
      await db.schema
        .createTable('gesprekken')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
        .addColumn('tool_id', 'text', (c) => c.notNull())
        .addColumn('tool_version', 'text', (c) => c.notNull())
        .addColumn('setting', 'text', (c) => c.notNull())
        .addColumn('age_band', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('snapshot_enc', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('gesprekken_child').on('gesprekken').column('child_id').execute()
      await db.schema
        .createTable('gesprek_events')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('gesprek_id', 'text', (c) => c.notNull().references('gesprekken.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('client_msg_id', 'text', (c) => c.notNull())
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('event_enc', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('gesprek_events_seq', ['gesprek_id', 'seq'])
        .addUniqueConstraint('gesprek_events_msg', ['gesprek_id', 'client_msg_id'])
        .execute()
      await db.schema
        .createTable('join_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('gesprek_id', 'text', (c) => c.notNull().references('gesprekken.id'))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('device_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('gesprek_id', 'text', (c) => c.notNull().references('gesprekken.id'))
        .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute()
    },
  },
]

export async function migrate(db: Kysely<Database>): Promise<number> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute()
  const done = new Set((await db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version))
  let applied = 0
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue
    await db.transaction().execute(async (trx) => {
      await m.up(trx)
      await trx
        .insertInto('schema_migrations')
        .values({ version: m.version, applied_at: new Date().toISOString() })
        .execute()
    })
    applied++
  }
  return applied
}

export const _sql = sql
