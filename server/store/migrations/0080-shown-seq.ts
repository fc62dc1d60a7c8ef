import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * Per event: did it change what anyone but the child sees (1) or not (0)? The begeleider's seq of a
 * gesprek counts only the events marked 1 (ADR 0050), so a gap between two of their frames tells
 * nothing about the child's private edits. Rows from before count as seen (null), as they were shown.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema.alterTable('gesprek_events').addColumn('shown', 'integer').execute()
}
