import { Hono } from 'hono'
import { CodedError } from '../../../dialogs/contract/errors'
import { KindJoinBody, type KindJoinOut } from '../../../dialogs/contract/http'
import { redeemJoinCode } from '../../auth/join-codes'
import type { Deps } from '../../deps'
import { body, clientIp, type Env } from '../context'

export function kindRoutes(deps: Deps) {
  // ≤ 5 tries a minute per source and a global ceiling, so 10,000 guesses at 40 bits find nothing (SEC-03).
  return new Hono<Env>().post('/join', async (c) => {
    if (
      (await deps.limits.over('join-ip', clientIp(c), 5, 60_000)) ||
      (await deps.limits.over('join-all', 'all', 300, 60_000))
    )
      throw new CodedError('rate_limited', 429)
    const { code } = await body(c, KindJoinBody).catch(() => {
      throw new CodedError('code_invalid', 400)
    })
    const joined = await redeemJoinCode(deps, code)
    const row = await deps.db
      .selectFrom('gesprekken')
      .innerJoin('children', 'children.id', 'gesprekken.child_id')
      .select(['gesprekken.tool_id', 'children.nickname'])
      .where('gesprekken.id', '=', joined.gesprekId)
      .executeTakeFirstOrThrow()
    const out: KindJoinOut = {
      token: joined.token,
      gesprekId: joined.gesprekId,
      toolId: row.tool_id,
      nickname: row.nickname,
    }
    return c.json(out)
  })
}
