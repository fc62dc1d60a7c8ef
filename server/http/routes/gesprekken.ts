import { Hono } from 'hono'
import { CodedError } from '../../../dialogs/contract/errors'
import { JoinCodeBody, NewGesprekBody, type GesprekDetail, type JoinCodeOut } from '../../../dialogs/contract/http'
import type { Lang } from '../../../dialogs/contract/ids'
import { SOURCE_LANGUAGE } from '../../../dialogs/contract/languages'
import { findTool } from '../../../dialogs/registry'
import { recordAccess, stepsInView } from '../../audit/access-log'
import { childForBegeleider, gesprekFor } from '../../auth/access'
import { createJoinCode } from '../../auth/join-codes'
import { formatCode } from '../../auth/single-use'
import type { Deps } from '../../deps'
import { DEVICE_END_PHASES } from '../../gesprek/devices'
import type { GesprekHost } from '../../gesprek/host'
import { gesprekToolOut, languagesForNewGesprek, requireOffered } from '../../tools/gesprek-tool'
import { body, requireBegeleider, type Ctx, type Env } from '../context'
import { startGesprek } from '../../workspace/start-gesprek'
import { childSummary, gesprekSummary } from '../../workspace/summaries'
import { codeQr } from '../qr'

async function joinCodeOut(
  deps: Deps,
  c: Ctx,
  gesprekId: string,
  createdBy: string,
  lang?: Lang,
): Promise<JoinCodeOut> {
  const { code, expiresAt } = await createJoinCode(deps, gesprekId, createdBy)
  // The language rides in the query: a child's first screen must be in it.
  const asked = lang && lang !== SOURCE_LANGUAGE ? lang : undefined
  const qrSvg = await codeQr(deps, c.req.url, '/kind', code, asked ? `?lang=${asked}` : '')
  return { code: formatCode(code), expiresAt, qrSvg, ...(asked ? { lang: asked } : {}) }
}

export function gesprekkenRoutes(deps: Deps, host: GesprekHost) {
  return new Hono<Env>()
    .post('/', async (c) => {
      const p = await requireBegeleider(c)
      const input = await body(c, NewGesprekBody)
      const child = await childForBegeleider(deps, p, input.childId)
      // Only a language the tool's current version is complete in; refused before anything is made.
      requireOffered(await languagesForNewGesprek(deps, child.organisation_id, input.toolId), input.lang)
      const { id, tool } = await startGesprek(host, child, input.toolId)
      const row = await gesprekFor(deps, p, id)
      // The 0-4 observation is done by the begeleider alone: no child device joins it.
      const join = tool.operator === 'kind' ? await joinCodeOut(deps, c, id, p.begeleiderId, input.lang) : null
      return c.json({ gesprek: gesprekSummary(row), join }, 201)
    })
    .get('/:id', async (c) => {
      const p = await requireBegeleider(c)
      const row = await gesprekFor(deps, p, c.req.param('id'))
      const child = await childForBegeleider(deps, p, row.child_id)
      const { seq, view } = await host.view(row.id, 'begeleider')
      await recordAccess(deps, {
        begeleiderId: p.begeleiderId,
        childId: row.child_id,
        gesprekId: row.id,
        what: 'gesprek',
        stepIds: stepsInView(view),
      })
      const detail: GesprekDetail = { gesprek: gesprekSummary({ ...row, seq }), child: childSummary(child), seq, view }
      return c.json(detail)
    })
    .post('/:id/join-code', async (c) => {
      const p = await requireBegeleider(c)
      const row = await gesprekFor(deps, p, c.req.param('id'))
      const tool = findTool(row.tool_id)
      if (!tool || tool.operator !== 'kind' || row.setting !== 'begeleid') throw new CodedError('not_allowed_now', 400)
      // A stopped or finished gesprek takes no new screen: its devices were ended with it (ADR 0010).
      if (DEVICE_END_PHASES.includes(row.phase)) throw new CodedError('not_allowed_now', 409)
      // The body is optional (older clients send none); a language in it must be one of the table's.
      const input = c.req.header('content-type')?.includes('json') ? await body(c, JoinCodeBody) : {}
      requireOffered((await gesprekToolOut(deps, row.id)).languages, input.lang)
      return c.json(await joinCodeOut(deps, c, row.id, p.begeleiderId, input.lang), 201)
    })
}
