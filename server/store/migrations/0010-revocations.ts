import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * Revocation notices written by another process (the admin CLI): the server reads new rows every
 * quarter second and ends the matching sockets (server/realtime/revocation-table.ts). Ids only.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('revocations')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('notice', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}
