import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * The child's plans (docs/plans.md): one row per child and kind (actieplan, veiligheidsplan), the body
 * sealed with the child's key. A body holds citations (gesprek and item ids), never the child's words.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plans_pk', ['child_id', 'kind'])
    .execute()
}
