import { mkdirSync, writeFileSync } from 'node:fs'
import { sql } from 'kysely'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { valuesJoined } from './cli-args'
import { createBegeleider, createOrganisation, createTeam } from './auth/accounts'
import { passwordIsStrongEnough } from './auth/passwords'
import { systemClock } from './clock'
import { MemoryLimitStore } from './auth/limit-store'
import { Limits } from './auth/limits'
import { KamerKeys } from './crypto/kamer-keys'
import { ChildKeys, deriveKey, loadInstanceKey } from './crypto/keys'
import { loadIndexKeys } from './crypto/secrets'
import type { Deps } from './deps'
import { createLogger } from './log'
import { endSessionsOf, moveChild, resetPassword, setActive } from './workspace/beheer'
import { soloCluster } from './cluster/cluster'
import { redisCluster } from './cluster/redis'
import { openStore } from './store/db'
import { backupDatabase } from './store/backup'
import { GesprekHost } from './gesprek/host'
import { createDemoGesprekken } from './demo-gesprekken'
import { DEFAULT_RETENTION_DAYS, runRetention } from './jobs/retention'
import { eraseChild, exportChild } from './privacy/child-data'
import { rotateInstanceKey } from './crypto/rotate'
import { TableRevocations } from './realtime/revocation-table'

const USAGE = `npm run admin -- <command> [options]

  create-organisation --organisation NAME --team NAME --username U --display-name NAME --password P
                        creates an organisation with its first team and an admin
  create-team         --organisation-id ID --name NAME
  create-begeleider   --team-id ID --username U --display-name NAME --password P [--admin]
  deactivate          --organisation-id ID --begeleider-id ID   (ends every session of that account)
  activate            --organisation-id ID --begeleider-id ID
  reset-password      --organisation-id ID --begeleider-id ID --password P   (ends every session)
  end-sessions        --organisation-id ID --begeleider-id ID
  move-child          --organisation-id ID --child-id ID --team-id ID --begeleider-id ID   (warm handover, logged)
  list                  organisations, teams and begeleiders (no child data)
  backup              --to FILE   online copy of the database (never the instance key; mode 0600)
  export-child        --organisation-id ID --child-id ID   inzage: everything the child said, as JSON
  erase-child         --organisation-id ID --child-id ID   erasure: crypto-shred and delete (irreversible)
  rotate-key            new instance key; rewraps every child key (stop the server first)
  retention           [--days N]   erase closed trajectories older than N days (default RETENTION_DAYS or 30)
  demo-gesprekken     --organisation-id ID --begeleider-id ID --count N --to FILE
                        N demo children with a started gesprek and a joined device each, for load tests;
                        the device tokens and begeleider session cookies (one per 4 gesprekken) go to
                        FILE (mode 0600), never to the terminal

  DATA_DIR (default ./data) selects the database; DATABASE_URL=postgres://… selects PostgreSQL instead
  (KINDGESPREK_KEY required). With REDIS_URL the running nodes end the sockets the CLI ended, at once.
  backup on PostgreSQL: use pg_dump (the command says how); rotate-key: stop every node first.`

const STRING_OPTIONS = new Set([
  'organisation',
  'organisation-id',
  'team',
  'team-id',
  'name',
  'username',
  'display-name',
  'password',
  'begeleider-id',
  'child-id',
  'to',
  'days',
])

async function main() {
  const [command, ...rest] = process.argv.slice(2)
  const { values } = parseArgs({
    args: valuesJoined(rest, STRING_OPTIONS),
    options: {
      organisation: { type: 'string' },
      'organisation-id': { type: 'string' },
      team: { type: 'string' },
      'team-id': { type: 'string' },
      name: { type: 'string' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
      password: { type: 'string' },
      admin: { type: 'boolean', default: false },
      'begeleider-id': { type: 'string' },
      'child-id': { type: 'string' },
      to: { type: 'string' },
      days: { type: 'string' },
      count: { type: 'string' },
    },
  })
  const dataDir = resolve(process.env.DATA_DIR ?? './data')
  // Like a node: PostgreSQL when DATABASE_URL is set (then the key must come from KINDGESPREK_KEY), and
  // with REDIS_URL the running nodes hear what the CLI ended (their sockets close within a second).
  const databaseUrl = process.env.DATABASE_URL || undefined
  if (!databaseUrl) mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const instanceKey = loadInstanceKey(dataDir, process.env.KINDGESPREK_KEY, Boolean(databaseUrl))
  const db = await openStore({ dataDir, databaseUrl })
  const keys = new ChildKeys(instanceKey)
  const log = createLogger(undefined, true)
  const cluster = process.env.REDIS_URL
    ? await redisCluster({
        url: process.env.REDIS_URL,
        prefix: process.env.REDIS_PREFIX,
        clock: systemClock,
        log,
        publishOnly: true,
      })
    : soloCluster()
  const deps: Deps = {
    db,
    clock: systemClock,
    log,
    keys,
    index: await loadIndexKeys(db, instanceKey),
    kamerKeys: new KamerKeys(db, keys, systemClock, log),
    limits: new Limits(cluster.limitStore ?? new MemoryLimitStore(systemClock), deriveKey(instanceKey, 'limit-keys')),
    // A running server reads these notices within a second and ends the sockets they cover.
    revocations: new TableRevocations(db),
    config: { origins: [], localOrigins: [], secure: false, trustProxy: { type: 'none' } },
    cluster,
  }
  const need = (k: keyof typeof values): string => {
    const v = values[k]
    if (typeof v !== 'string' || !v) throw new Error(`--${k} is required`)
    return v
  }
  const password = () => {
    const p = need('password')
    if (!passwordIsStrongEnough(p))
      throw new Error('password must be at least 10 characters (not counting spaces around it), with 5 different ones')
    return p
  }
  // The CLI acts for the server operator; the organisation is still named so a typo cannot reach another one.
  const cliScope = () => ({ organisationId: need('organisation-id'), actorId: 'cli-operator' })
  try {
    switch (command) {
      case 'create-organisation': {
        const ids = await createOrganisation(deps, {
          organisation: need('organisation'),
          team: need('team'),
          username: need('username'),
          displayName: need('display-name'),
          password: password(),
          role: 'admin',
        })
        console.log(JSON.stringify(ids))
        break
      }
      case 'create-team':
        console.log(JSON.stringify({ teamId: await createTeam(deps, need('organisation-id'), need('name')) }))
        break
      case 'create-begeleider':
        console.log(
          JSON.stringify({
            begeleiderId: await createBegeleider(deps, {
              teamId: need('team-id'),
              username: need('username'),
              displayName: need('display-name'),
              password: password(),
              role: values.admin ? 'admin' : 'begeleider',
            }),
          }),
        )
        break
      // Run beside a live server, these also leave a revocation notice: its open sockets end within a second.
      case 'deactivate':
        await setActive(deps, cliScope(), need('begeleider-id'), false)
        console.log(JSON.stringify({ ok: true }))
        break
      case 'activate':
        await setActive(deps, cliScope(), need('begeleider-id'), true)
        console.log(JSON.stringify({ ok: true }))
        break
      case 'reset-password':
        await resetPassword(deps, cliScope(), need('begeleider-id'), password())
        console.log(JSON.stringify({ ok: true }))
        break
      case 'end-sessions':
        await endSessionsOf(deps, cliScope(), need('begeleider-id'))
        console.log(JSON.stringify({ ok: true }))
        break
      case 'move-child':
        await moveChild(deps, cliScope(), need('child-id'), {
          teamId: need('team-id'),
          begeleiderId: need('begeleider-id'),
        })
        console.log(JSON.stringify({ ok: true }))
        break
      case 'backup':
        console.log(JSON.stringify(await backupDatabase(dataDir, resolve(need('to')), databaseUrl)))
        break
      case 'export-child':
      case 'erase-child': {
        const childId = need('child-id')
        const own = await db
          .selectFrom('children')
          .select('id')
          .where('id', '=', childId)
          .where('organisation_id', '=', need('organisation-id'))
          .executeTakeFirst()
        if (!own) throw new Error('no such child in that organisation')
        // A server running beside this keeps its own cache: erase through the beheer route when it runs
        // (the erasure's revocation notice still ends the child's open sockets there).
        const host = new GesprekHost(deps, deps.kamerKeys)
        if (command === 'export-child') console.log(JSON.stringify(await exportChild(deps, host, childId), null, 2))
        else {
          await eraseChild(deps, host, childId)
          console.log(JSON.stringify({ ok: true, erased: childId }))
        }
        break
      }
      case 'rotate-key': {
        const fromEnv = Boolean(process.env.KINDGESPREK_KEY)
        const out = await rotateInstanceKey(db, dataDir, loadInstanceKey(dataDir, process.env.KINDGESPREK_KEY), fromEnv)
        console.log(JSON.stringify({ rewrapped: out.rewrapped }))
        // Env mode: the one moment the new key is shown; it goes into the secrets store, then KINDGESPREK_KEY.
        if (out.newKey) console.log(`new KINDGESPREK_KEY=${out.newKey}`)
        break
      }
      case 'retention': {
        const days = Number(values.days ?? process.env.RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS)
        if (!Number.isInteger(days) || days < 1) throw new Error('--days must be a whole number of days, at least 1')
        console.log(JSON.stringify(await runRetention(deps, new GesprekHost(deps, deps.kamerKeys), { days })))
        break
      }
      case 'demo-gesprekken': {
        const count = Number(need('count'))
        if (!Number.isInteger(count) || count < 1 || count > 20_000) throw new Error('--count must be 1 to 20000')
        // Demo data only: WAL without an fsync per commit (safe against a crash of this process, not
        // against power loss), so thousands take seconds; every other command keeps synchronous=FULL.
        if (!databaseUrl) await sql`pragma synchronous = NORMAL`.execute(db)
        const made = await createDemoGesprekken(
          deps,
          { organisationId: need('organisation-id'), begeleiderId: need('begeleider-id') },
          count,
        )
        if (!databaseUrl) await sql`pragma synchronous = FULL`.execute(db)
        writeFileSync(resolve(need('to')), JSON.stringify(made), { mode: 0o600 })
        console.log(JSON.stringify({ created: made.length }))
        break
      }
      case 'list': {
        const orgs = await db.selectFrom('organisations').selectAll().execute()
        const teams = await db.selectFrom('teams').selectAll().execute()
        const people = await db
          .selectFrom('begeleiders')
          .select(['id', 'team_id', 'username', 'display_name', 'role', 'active'])
          .execute()
        console.log(JSON.stringify({ organisations: orgs, teams, begeleiders: people }, null, 2))
        break
      }
      default:
        console.log(USAGE)
        process.exitCode = command ? 2 : 0
    }
  } catch (err) {
    console.error(err instanceof Error ? err.message : 'failed')
    process.exitCode = 1
  } finally {
    await cluster.close()
    await db.destroy()
  }
}

await main()
