import type { Deps } from './deps'
import { createOrganisation } from './auth/accounts'
import { seedDemoCaseload } from './demo-seed'
import { LOCKS, withLock } from './store/db'

export const DEMO_LOGIN = { username: 'demo', password: 'demo-begeleider' }

/**
 * First start only: a demo organisation, team and begeleider so `npm start` is usable at once; with
 * `withCaseload` also a small caseload with a few weeks of history (server/demo-seed.ts). Under the
 * first-start lock: nodes starting together on one PostgreSQL make one demo organisation, not one each.
 */
export function ensureDemo(deps: Deps, withCaseload = false): Promise<{ username: string; password: string } | null> {
  return withLock(deps.db, LOCKS.firstStart, (db) => ensureDemoLocked({ ...deps, db }, withCaseload))
}

async function ensureDemoLocked(
  deps: Deps,
  withCaseload: boolean,
): Promise<{ username: string; password: string } | null> {
  const existing = await deps.db
    .selectFrom('begeleiders')
    .select('id')
    .where('username', '=', DEMO_LOGIN.username)
    .executeTakeFirst()
  if (existing) return DEMO_LOGIN
  const anyone = await deps.db.selectFrom('organisations').select('id').executeTakeFirst()
  if (anyone) return null // a real installation: never add a known password to it
  const made = await createOrganisation(deps, {
    organisation: 'Demo opvang',
    team: 'Team Zon',
    username: DEMO_LOGIN.username,
    displayName: 'Sanne',
    password: DEMO_LOGIN.password,
    role: 'admin',
  })
  if (withCaseload)
    await seedDemoCaseload(deps, {
      role: 'begeleider',
      begeleiderId: made.begeleiderId,
      organisationId: made.organisationId,
      teamId: made.teamId,
      admin: true,
      displayName: 'Sanne',
      sessionHash: '',
    })
  return DEMO_LOGIN
}
