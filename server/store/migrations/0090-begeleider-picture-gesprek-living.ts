import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * - begeleiders.picture: the picture a begeleider chose to show children beside their name (the
 *   kennismaking's "this is your begeleider"); an id from the bundled set, null until chosen.
 * - gesprekken.living: the child's living situation when the gesprek started (machine input, like
 *   age_band), so a running gesprek keeps its Stoplicht places when the setting later changes.
 *   Null for gesprekken started before this migration: they keep every place they had.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema.alterTable('begeleiders').addColumn('picture', 'text').execute()
  await db.schema.alterTable('gesprekken').addColumn('living', 'text').execute()
}
