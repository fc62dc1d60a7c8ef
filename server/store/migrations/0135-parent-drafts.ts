import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema'

/**
 * Each parent apart (docs/deelafspraak.md): the oudergesprek's talking points and tips per parent, so
 * what the begeleider wrote for the talk with mama never lands on papa's sheet. `parent` is `mama`,
 * `papa` or `hier` (no parent recorded yet). A draft from before this was kept goes to the parent
 * recorded at the time of the upgrade, the only parent it can have been written for since the record
 * existed; `legacy` = 1 keeps its old seal binding (server/workspace/records.ts).
 */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('parent_drafts')
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('parent', 'text', (c) => c.notNull())
    .addColumn('begeleider_id', 'text', (c) => c.notNull().references('begeleiders.id'))
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('legacy', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('parent_drafts_pk', ['child_id', 'parent'])
    .execute()
  await sql`
    insert into parent_drafts (child_id, parent, begeleider_id, body_enc, updated_at, legacy)
    select d.child_id, coalesce(p.present_parent, 'hier'), d.begeleider_id, d.body_enc, d.updated_at, 1
    from oudergesprek_drafts d left join parent_profiles p on p.child_id = d.child_id
  `.execute(db)
  await db.deleteFrom('oudergesprek_drafts').execute()
}
