import { Hono } from 'hono'
import { CodedError } from '../../../dialogs/contract/errors'
import { KindJoinBody, type KindJoinOut } from '../../../dialogs/contract/http'
import { redeemJoinCode } from '../../auth/join-codes'
import { admitCodeTry, codeTryFailed } from '../../auth/limits'
import type { Deps } from '../../deps'
import { body, clientIp, type Env } from '../context'

export function kindRoutes(deps: Deps) {
  // ≤ 5 wrong tries a minute per source and a global ceiling, so 10,000 guesses at 40 bits find nothing (SEC-03).
  return new Hono<Env>().post('/join', async (c) => {
    const address = clientIp(c)
    if (!(await admitCodeTry(deps.limits, 'join', address, 5, 300))) throw new CodedError('rate_limited', 429)
    const joined = await body(c, KindJoinBody)
      .catch(() => {
        throw new CodedError('code_invalid', 400)
      })
      .then(({ code }) => redeemJoinCode(deps, code))
      .catch(async (err: unknown) => {
        if (err instanceof CodedError && err.status === 400) await codeTryFailed(deps.limits, 'join', address)
        throw err
      })
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
