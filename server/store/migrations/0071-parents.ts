import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * Each parent apart (docs/deelafspraak.md, "Each parent apart"): per child, which parent the oudergesprek
 * is with (a plain role word, 'mama' or 'papa', so the child's screen can say "aan mama"), and, sealed
 * with the child's key, the begeleider's structured record of the parent who did not come along (role
 * and meaning for the child, risk, contact arrangement, gezag) and the network safety flags.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('parent_profiles')
    .addColumn('child_id', 'text', (c) => c.primaryKey().references('children.id'))
    .addColumn('present_parent', 'text')
    .addColumn('other_enc', 'text')
    .addColumn('flags_enc', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}
