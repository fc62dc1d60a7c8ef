import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * Development band apart from age (docs/deelafspraak.md, "Two bands"): the begeleider may choose the
 * register of the werkvormen by development (null: the same as the age band). A gesprek keeps both: its
 * `age_band` is the register it runs in, `legal_band` the child's actual age band when that differs, so
 * the deelafspraak's words keep following the real age.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema.alterTable('children').addColumn('development_band', 'text').execute()
  await db.schema.alterTable('gesprekken').addColumn('legal_band', 'text').execute()
}
