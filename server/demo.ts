import type { Deps } from './deps'
import { createOrganisation } from './auth/accounts'
import { LOCKS, withLock } from './store/db'

export const DEMO_LOGIN = { username: 'demo', password: 'demo-begeleider' }

/**
 * First start only: a demo organisation, team and begeleider so `npm start` is usable at once. Under the
 * first-start lock: nodes starting together on one PostgreSQL make one demo organisation, not one each.
 */
export function ensureDemo(deps: Deps): Promise<{ username: string; password: string } | null> {
  return withLock(deps.db, LOCKS.firstStart, (db) => ensureDemoLocked({ ...deps, db }))
}

async function ensureDemoLocked(deps: Deps): Promise<{ username: string; password: string } | null> {
  const existing = await deps.db
    .selectFrom('begeleiders')
    .select('id')
    .where('username', '=', DEMO_LOGIN.username)
    .executeTakeFirst()
  if (existing) return DEMO_LOGIN
  const anyone = await deps.db.selectFrom('organisations').select('id').executeTakeFirst()
  if (anyone) return null // a real installation: never add a known password to it
  await createOrganisation(deps, {
    organisation: 'Demo opvang',
    team: 'Team Zon',
    username: DEMO_LOGIN.username,
    displayName: 'Sanne',
    password: DEMO_LOGIN.password,
    role: 'admin',
  })
  return DEMO_LOGIN
}
