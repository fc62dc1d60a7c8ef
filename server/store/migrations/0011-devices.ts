import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * Child devices (ADR 0010): each device token gets a public device id, whether the child's own devices
 * trust it, and who made the code it came from; each event records which device sent it and, for
 * item.add, the new item's id (ids only), so "this device's own items" is known without opening a payload.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema.alterTable('device_tokens').addColumn('device_id', 'text').execute()
  // Tokens from before this migration were the child's own: trusted.
  await db.schema
    .alterTable('device_tokens')
    .addColumn('trusted', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.alterTable('device_tokens').addColumn('minted_by', 'text').execute()
  await db.schema.createIndex('device_tokens_gesprek').on('device_tokens').column('gesprek_id').execute()
  await db.schema.alterTable('join_codes').addColumn('created_by', 'text').execute()
  await db.schema.alterTable('gesprek_events').addColumn('actor_device', 'text').execute()
  await db.schema.alterTable('gesprek_events').addColumn('item_id', 'text').execute()
}
