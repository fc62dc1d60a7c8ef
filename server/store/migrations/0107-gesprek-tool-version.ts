import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * Which organisation version a gesprek runs on (ADR 0075): null for the built-in tool (every gesprek
 * from before), else the tool_versions row. A version named here is never deleted.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema.alterTable('gesprekken').addColumn('tool_version_id', 'text').execute()
  await db.schema.createIndex('gesprekken_tool_version').on('gesprekken').column('tool_version_id').execute()
}
