import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * An organisation's own published versions of a tool (docs/decisions/0075-tool-versions-per-organisation.md).
 * Version 1 of every tool is the built-in one and has no row. `doc` is the immutable document (steps and
 * texts as JSON: organisation content, not child data); `languages` the ones it is complete in (JSON).
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('tool_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('tool_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('based_on', 'integer', (c) => c.notNull())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .addUniqueConstraint('tool_versions_number', ['organisation_id', 'tool_id', 'version'])
    .execute()
  // Whether the built-in version 1 is withdrawn for an organisation (it has no row of its own).
  await db.schema
    .createTable('tool_builtin_withdrawn')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('tool_id', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tool_builtin_withdrawn_pk', ['organisation_id', 'tool_id'])
    .execute()
}
