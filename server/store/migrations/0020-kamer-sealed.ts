import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * Kamers sealed under the PIN, and indexes a backup cannot read (docs/kamer.md, ADR 0015).
 *
 * - `instance_secrets`: the index secret (kamer names, join codes, PIN pepper), sealed under the
 *   instance key; made at the first start after this migration (server/crypto/secrets.ts).
 * - `kamers` is rebuilt: one row per kamer, several per child over time (a new invite starts a new
 *   kamer), names no longer unique (setup must not tell which names exist). The data key of each kamer
 *   is sealed under a key only its PIN opens.
 * - Existing kamers keep their unsalted name hash and plain scrypt PIN hash in `legacy_*` columns: a
 *   migration cannot compute the new keyed name index (it never sees names). The first open with the
 *   right name and PIN upgrades the row and clears the legacy columns. Notes written before that stay
 *   sealed under the child key (`kamer_gesprekken.sealed = 'child'`), as they were.
 * - Join codes and invites that were live are ended: they are stored as plain SHA-256 of 40 bits.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('instance_secrets')
    .addColumn('purpose', 'text', (c) => c.primaryKey())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('kamers_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('name_key', 'text')
    .addColumn('pin_kdf', 'text')
    .addColumn('key_sealed', 'text')
    .addColumn('legacy_name_key', 'text')
    .addColumn('legacy_secret_hash', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // An existing kamer's id is its child's id: there was one kamer per child.
  await sql`insert into kamers_next (id, child_id, legacy_name_key, legacy_secret_hash, opened_at, created_at, updated_at)
    select child_id, child_id, name_key, secret_hash, opened_at, created_at, updated_at from kamers`.execute(db)
  await db.schema.dropTable('kamers').execute()
  await db.schema.alterTable('kamers_next').renameTo('kamers').execute()
  await db.schema.createIndex('kamers_name_key').on('kamers').column('name_key').execute()
  await db.schema.createIndex('kamers_legacy_name_key').on('kamers').column('legacy_name_key').execute()
  await db.schema.createIndex('kamers_child').on('kamers').column('child_id').execute()

  // Which kamer a kamer gesprek belongs to, and which key seals it: 'kamer' (the PIN) or 'child'.
  await db.schema
    .createTable('kamer_gesprekken')
    .addColumn('gesprek_id', 'text', (c) => c.primaryKey().references('gesprekken.id'))
    .addColumn('kamer_id', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('kamer_gesprekken_kamer').on('kamer_gesprekken').column('kamer_id').execute()
  await sql`insert into kamer_gesprekken (gesprek_id, kamer_id, sealed)
    select id, child_id, 'child' from gesprekken where setting = 'kamer'`.execute(db)

  // What the begeleider may see of a PIN-sealed kamer gesprek, sealed under the child key.
  await db.schema
    .createTable('kamer_shared')
    .addColumn('gesprek_id', 'text', (c) => c.primaryKey().references('gesprekken.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('view_enc', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  // A kamer token carries its kamer's data key, sealed under a key derived from the token itself.
  await db.schema.alterTable('kamer_tokens').addColumn('kamer_id', 'text').execute()
  await db.schema.alterTable('kamer_tokens').addColumn('key_sealed', 'text').execute()
  // Tokens issued before this version carry no key: they end (the jongere opens the kamer again).
  const now = new Date().toISOString()
  await db.updateTable('kamer_tokens').set({ revoked_at: now }).where('revoked_at', 'is', null).execute()
  await db.updateTable('join_codes').set({ used_at: now }).where('used_at', 'is', null).execute()
  await db.updateTable('kamer_invites').set({ used_at: now }).where('used_at', 'is', null).execute()
}
