import { Hono } from 'hono'
import { CodedError } from '../../../dialogs/contract/errors'
import { KindJoinBody, type KindJoinOut } from '../../../dialogs/contract/http'
import { redeemJoinCode } from '../../auth/join-codes'
import { RateLimiter } from '../../auth/rate-limit'
import type { Deps } from '../../deps'
import { body, clientIp, type Env } from '../context'

export function kindRoutes(deps: Deps) {
  // ≤ 5 tries a minute per source and a global ceiling, so 10,000 guesses at 40 bits find nothing (SEC-03).
  const perIp = new RateLimiter(deps.clock, 5, 60_000)
  const global = new RateLimiter(deps.clock, 300, 60_000)

  return new Hono<Env>().post('/join', async (c) => {
    if (!perIp.take(clientIp(c)) || !global.take('all')) throw new CodedError('rate_limited', 429)
    const { code } = await body(c, KindJoinBody).catch(() => {
      throw new CodedError('code_invalid', 400)
    })
    const joined = await redeemJoinCode(deps, code)
    const row = await deps.db
      .selectFrom('gesprekken')
      .innerJoin('children', 'children.id', 'gesprekken.child_id')
      .innerJoin('begeleiders', 'begeleiders.id', 'children.begeleider_id')
      .select(['gesprekken.tool_id', 'children.nickname', 'begeleiders.display_name'])
      .where('gesprekken.id', '=', joined.gesprekId)
      .executeTakeFirstOrThrow()
    const out: KindJoinOut = {
      token: joined.token,
      gesprekId: joined.gesprekId,
      toolId: row.tool_id,
      nickname: row.nickname,
      begeleider: row.display_name,
    }
    return c.json(out)
  })
}
