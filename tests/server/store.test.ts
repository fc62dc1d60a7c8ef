import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { startServer } from '../../server/app'
import { createLogger } from '../../server/log'
import { dialectOf, openStore } from '../../server/store/db'
import { MIGRATIONS } from '../../server/store/migrations'
import { onPostgres, storeOptionsFor, tempDir, TEST_INSTANCE_KEY } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { start } = useServers()

describe('the store on either dialect', () => {
  it('refuses to start on PostgreSQL without KINDGESPREK_KEY, before it touches the database', async () => {
    const dataDir = tempDir()
    await expect(
      startServer({
        dataDir,
        databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
        log: createLogger(() => undefined),
        retentionDays: false,
      }),
    ).rejects.toThrow(/KINDGESPREK_KEY is required/)
  })

  it('counts come back as numbers, and ids number themselves', async () => {
    const server = await start({ retentionDays: false })
    const row = await server.deps.db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(row.n).toBe(0)
    expect(dialectOf(server.deps.db)).toBe(onPostgres() ? 'postgres' : 'sqlite')
  })

  it.runIf(!onPostgres())(
    'keeps shipped SQLite files as they were: ids stay integer primary key autoincrement',
    async () => {
      const server = await start({ retentionDays: false })
      const ddl = await sql<{ sql: string }>`select sql from sqlite_master where name = 'gesprek_events'`.execute(
        server.deps.db,
      )
      expect(ddl.rows[0]!.sql.toLowerCase()).toContain('"id" integer primary key autoincrement')
    },
  )

  it.runIf(onPostgres())(
    'migrates once and makes one demo organisation when nodes start together on one database',
    async () => {
      const dataDir = tempDir()
      const store = await storeOptionsFor(dataDir)
      // Four stores opened at once: the advisory lock lets one migrate, the others find nothing to do.
      const dbs = await Promise.all([1, 2, 3, 4].map(() => openStore({ dataDir, databaseUrl: store.databaseUrl })))
      const versions = await dbs[0]!.selectFrom('schema_migrations').select('version').execute()
      expect(versions.map((v) => v.version).sort((x, y) => x - y)).toEqual(MIGRATIONS.map((m) => m.version))
      for (const db of dbs) await db.destroy()
      // Two nodes starting at once with the demo: one demo organisation, both log in with it.
      const nodes = await Promise.all(
        [1, 2].map(() =>
          startServer({
            dataDir,
            databaseUrl: store.databaseUrl,
            instanceKey: TEST_INSTANCE_KEY,
            demo: true,
            log: createLogger(() => undefined),
            retentionDays: false,
          }),
        ),
      )
      try {
        expect(nodes.map((n) => n.demo?.username)).toEqual(['demo', 'demo'])
        const orgs = await nodes[0]!.deps.db.selectFrom('organisations').select('id').execute()
        expect(orgs).toHaveLength(1)
      } finally {
        for (const n of nodes) await n.close()
      }
    },
  )
})
