import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * Recorded voices (docs/decisions/0080-recorded-voices.md): one recording per organisation, tool,
 * version, language and text key. Organisation content, never child data: no child id anywhere.
 * The audio is base64 in a text column, the one type that is the same on SQLite and PostgreSQL; a
 * recording is at most 1 MiB, so at most ~1.4 MB of text (docs/operations.md, "Recorded voices").
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('voice_recordings')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('tool_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('text_key', 'text', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('codec', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('audio_b64', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('voice_recordings_pk', ['organisation_id', 'tool_id', 'version', 'lang', 'text_key'])
    .execute()
}
