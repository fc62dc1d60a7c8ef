import type { Kysely } from 'kysely'
import { LOCKS, withLock } from './locks'
import * as m0001 from './migrations/0001-foundation'
import * as m0002 from './migrations/0002-access-log'
import * as m0003 from './migrations/0003-workspace'
import * as m0004 from './migrations/0004-kamer'
import * as m0010 from './migrations/0010-revocations'
import * as m0011 from './migrations/0011-devices'
import * as m0020 from './migrations/0020-kamer-sealed'
import * as m0040 from './migrations/0040-snapshot-seq'
import * as m0070 from './migrations/0070-signals'
import * as m0071 from './migrations/0071-parents'
import * as m0080 from './migrations/0080-shown-seq'
import * as m0090 from './migrations/0090-begeleider-picture-gesprek-living'
import * as m0091 from './migrations/0091-tasks'
import * as m0095 from './migrations/0095-method-records'
import * as m0100 from './migrations/0100-plans'
import * as m0101 from './migrations/0101-plan-evaluations'
import * as m0110 from './migrations/0110-voices'
import * as m0105 from './migrations/0105-tool-versions'
import * as m0106 from './migrations/0106-tool-drafts'
import * as m0107 from './migrations/0107-gesprek-tool-version'
import * as m0115 from './migrations/0115-development-band'
import * as m0135 from './migrations/0135-parent-drafts'
import * as m0160 from './migrations/0160-type-not-kind'
import type { Database } from './schema'

type Migration = { version: number; up: (db: Kysely<Database>) => Promise<void> }

/**
 * Versioned, append-only: one file per migration in ./migrations, named NNNN-what.ts, listed here in order.
 * Never edit a shipped migration; add the next number. Only portable column types (text, integer),
 * so the same list runs on SQLite and PostgreSQL.
 */
export const MIGRATIONS: Migration[] = [
  { version: 1, up: m0001.up },
  { version: 2, up: m0002.up },
  { version: 3, up: m0003.up },
  { version: 4, up: m0004.up },
  { version: 10, up: m0010.up },
  { version: 11, up: m0011.up },
  { version: 20, up: m0020.up },
  { version: 40, up: m0040.up },
  { version: 70, up: m0070.up },
  { version: 71, up: m0071.up },
  { version: 80, up: m0080.up },
  { version: 90, up: m0090.up },
  { version: 91, up: m0091.up },
  { version: 95, up: m0095.up },
  { version: 100, up: m0100.up },
  { version: 101, up: m0101.up },
  { version: 105, up: m0105.up },
  { version: 106, up: m0106.up },
  { version: 107, up: m0107.up },
  { version: 110, up: m0110.up },
  { version: 115, up: m0115.up },
  { version: 135, up: m0135.up },
  { version: 160, up: m0160.up },
]

/** Brings the schema up to date. On PostgreSQL under an advisory lock: nodes starting together take turns. */
export function migrate(db: Kysely<Database>): Promise<number> {
  return withLock(db, LOCKS.migrate, migrateLocked)
}

async function migrateLocked(db: Kysely<Database>): Promise<number> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute()
  const done = new Set((await db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version))
  let applied = 0
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue
    await db.transaction().execute(async (trx) => {
      await m.up(trx)
      await trx
        .insertInto('schema_migrations')
        .values({ version: m.version, applied_at: new Date().toISOString() })
        .execute()
    })
    applied++
  }
  return applied
}
