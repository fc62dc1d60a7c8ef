import { Hono } from 'hono'
import { CodedError } from '../../../dialogs/contract/errors'
import { KindJoinBody, type KindJoinOut } from '../../../dialogs/contract/http'
import { getCookie } from 'hono/cookie'
import { recordDeviceJoin } from '../../audit/access-log'
import { redeemJoinCode } from '../../auth/join-codes'
import { admitCodeTry, codeTryFailed } from '../../auth/limits'
import { sessionCookieName, sessionPrincipal } from '../../auth/sessions'
import { revokeDevice } from '../../gesprek/devices'
import type { Deps } from '../../deps'
import { joinedGesprek } from '../../workspace/child-begeleider'
import { body, clientIp, type Env } from '../context'

export function kindRoutes(deps: Deps) {
  // ≤ 5 wrong tries a minute per source and a global ceiling, so 10,000 guesses at 40 bits find nothing
  // (docs/security.md, threat model).
  return new Hono<Env>().post('/join', async (c) => {
    const address = clientIp(c)
    if (!(await admitCodeTry(deps.limits, 'join', address, 5, 300))) throw new CodedError('rate_limited', 429)
    const joined = await body(c, KindJoinBody)
      .catch(() => {
        throw new CodedError('code_invalid', 400)
      })
      .then(async ({ code }) => {
        // A begeleider's own browser (it carries their live session) never becomes the child's trusted screen.
        const begeleider = await sessionPrincipal(deps, getCookie(c, sessionCookieName(deps)))
        return redeemJoinCode(deps, code, { fromBegeleiderBrowser: begeleider !== null })
      })
      .catch(async (err: unknown) => {
        if (err instanceof CodedError && err.status === 400) await codeTryFailed(deps.limits, 'join', address)
        throw err
      })
    // Every way to a child's token is on the child's receipt; no log line, no token (fail closed).
    await recordDeviceJoin(deps, joined).catch(async (err: unknown) => {
      await revokeDevice(deps, joined.token)
      throw err
    })
    const out: KindJoinOut = {
      token: joined.token,
      gesprekId: joined.gesprekId,
      trusted: joined.trusted,
      ...(await joinedGesprek(deps, joined.gesprekId)),
    }
    return c.json(out)
  })
}
