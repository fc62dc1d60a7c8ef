import { CodedError } from '../dialogs/contract/errors'
import { recordDeviceJoin } from './audit/access-log'
import { createJoinCode, redeemJoinCode } from './auth/join-codes'
import type { BegeleiderPrincipal } from './auth/principal'
import { createSession, sessionCookieName } from './auth/sessions'
import type { Deps } from './deps'
import { GesprekHost } from './gesprek/host'
import { createChild } from './workspace/caseload'

/** `cookie`: a session of the begeleider for this gesprek's live screen (one session per few gesprekken). */
export type DemoGesprek = { gesprekId: string; childId: string; token: string; cookie: string }

/** Live screens per demo session: a session holds at most five sockets (one left for a reconnect). */
const SCREENS_PER_SESSION = 4

/**
 * N demo children of one begeleider, each with a started Drie huizen gesprek, a joined child device and
 * a session for the begeleider's live screen, for load tests and benchmarks (docs/performance.md). The operator's CLI does this with the same
 * functions the routes use; the per-address join limits stay as they are for everyone else.
 */
export async function createDemoGesprekken(
  deps: Deps,
  scope: { organisationId: string; begeleiderId: string },
  count: number,
): Promise<DemoGesprek[]> {
  const b = await deps.db
    .selectFrom('begeleiders')
    .select(['id', 'organisation_id', 'team_id', 'display_name', 'role', 'active'])
    .where('id', '=', scope.begeleiderId)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()
  if (!b || !b.active) throw new CodedError('not_found', 404)
  const p: BegeleiderPrincipal = {
    role: 'begeleider',
    begeleiderId: b.id,
    organisationId: b.organisation_id,
    teamId: b.team_id,
    admin: b.role === 'admin',
    displayName: b.display_name,
    sessionHash: 'cli-operator',
  }
  const out: DemoGesprek[] = []
  const host = new GesprekHost(deps)
  let session = ''
  // The same steps as the routes (child, gesprek, join code, redeem), each in its own transaction: a
  // few thousand take a minute on a slow disk, which is fine for a tool run before a load test.
  for (let i = 0; i < count; i++) {
    const childId = await createChild(deps, p, { nickname: `Demo ${i + 1}`, ageBand: '8-12' })
    const gesprekId = await host.create({ childId, toolId: 'drie-huizen', setting: 'begeleid', ageBand: '8-12' })
    const { code } = await createJoinCode(deps, gesprekId, p.begeleiderId)
    const joined = await redeemJoinCode(deps, code)
    // As the route does: every way to a child's token is on the child's receipt.
    await recordDeviceJoin(deps, joined)
    // A load test watches every gesprek live, as a caseload of begeleiders would: sessions made here,
    // by the operator, instead of thousands of logins against the login limit.
    if (i % SCREENS_PER_SESSION === 0) session = `${sessionCookieName(deps)}=${await createSession(deps, b.id)}`
    out.push({ gesprekId, childId, token: joined.token, cookie: session })
  }
  return out
}
