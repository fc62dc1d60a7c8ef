import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * A begeleider's tasks that an answer asks for (docs/tasks.md): ids, a kind and dates, never the
 * answer's words. One task per answer and kind, so a later commit never makes a second one.
 * References the child, so erasure (server/privacy/child-data.ts) takes them along.
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('gesprek_id', 'text', (c) => c.notNull().references('gesprekken.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text', (c) => c.references('begeleiders.id'))
    .addUniqueConstraint('tasks_answer', ['gesprek_id', 'item_id', 'kind'])
    .execute()
  await db.schema.createIndex('tasks_child').on('tasks').column('child_id').execute()
}
