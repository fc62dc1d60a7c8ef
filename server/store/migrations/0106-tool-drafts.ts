import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/** The one working draft per organisation and tool, saved as the trainer edits (ADR 0075). */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('tool_drafts')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('tool_id', 'text', (c) => c.notNull())
    .addColumn('based_on', 'integer', (c) => c.notNull())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tool_drafts_pk', ['organisation_id', 'tool_id'])
    .execute()
}
