import { Hono, type Context } from 'hono'
import { CodedError } from '../../../dialogs/contract/errors'
import {
  ActieplanBody,
  EvaluationPlanBody,
  VeiligheidsplanBody,
  type PlanAudience,
} from '../../../dialogs/contract/plans'
import { recordLooks } from '../../audit/access-log'
import type { Deps } from '../../deps'
import type { GesprekHost } from '../../gesprek/host'
import { actieplanFor, saveActieplan } from '../../plans/actieplan'
import { evaluationsFor, recordEvaluation } from '../../plans/evaluation'
import { logPlanLooks } from '../../plans/looks'
import { childPlanOf, saveVeiligheidsplan, veiligheidsplanFor } from '../../plans/veiligheidsplan'
import { projectedGesprekken } from '../../workspace/gesprekken'
import { requireChildScreen } from '../bearer'
import { childScope, type ChildEnv } from '../child-scope'
import { body, type Env } from '../context'

/**
 * The child's plans (docs/plans.md). Every child route resolves the child through childForBegeleider
 * (own organisation and team; "not yours" reads as "does not exist"). The screen reads the begeleider
 * projection, the printed sheet the oudergesprek projection: the sheet is for the parent.
 */
export function planRoutes(deps: Deps, host: GesprekHost) {
  const scope = childScope()
  const scoped = async (c: Context<ChildEnv>, audience: PlanAudience) => {
    const { begeleider: p, child } = c.var
    const gs = await projectedGesprekken(deps, host, child.id, audience)
    return { p, child, gs }
  }
  const actieplan = async (c: Context<ChildEnv>, audience: PlanAudience) => {
    const { p, child, gs } = await scoped(c, audience)
    const out = await actieplanFor(deps, child, audience, gs)
    const shown = [...out.goals.flatMap((g) => g.citations), ...out.suggestions]
    await logPlanLooks(deps, p, child.id, audience === 'begeleider' ? 'history' : 'print', shown)
    return c.json(out)
  }
  const veiligheidsplan = async (c: Context<ChildEnv>, audience: PlanAudience) => {
    const { p, child, gs } = await scoped(c, audience)
    const out = await veiligheidsplanFor(deps, child, audience, gs)
    const shown = [...out.plan.citations, ...out.draft.answers]
    await logPlanLooks(deps, p, child.id, audience === 'begeleider' ? 'history' : 'print', shown)
    return c.json(out)
  }

  return (
    new Hono<Env>()
      .get('/children/:id/actieplan', scope, (c) => actieplan(c, 'begeleider'))
      .get('/children/:id/actieplan/print', scope, (c) => actieplan(c, 'oudergesprek'))
      .put('/children/:id/actieplan', scope, async (c) => {
        const { p, child, gs } = await scoped(c, 'begeleider')
        await saveActieplan(deps, child, p.begeleiderId, await body(c, ActieplanBody), gs)
        return c.json({ ok: true })
      })
      .get('/children/:id/veiligheidsplan', scope, (c) => veiligheidsplan(c, 'begeleider'))
      .get('/children/:id/veiligheidsplan/print', scope, (c) => veiligheidsplan(c, 'oudergesprek'))
      .put('/children/:id/veiligheidsplan', scope, async (c) => {
        const { p, child, gs } = await scoped(c, 'begeleider')
        await saveVeiligheidsplan(deps, child, p.begeleiderId, await body(c, VeiligheidsplanBody), gs)
        return c.json({ ok: true })
      })
      .get('/children/:id/evaluations', scope, async (c) => {
        const { p, child, gs } = await scoped(c, 'begeleider')
        const out = await evaluationsFor(deps, child, gs)
        // The child's own scale is answers too: on the receipt as a later look at those parts.
        await recordLooks(deps, { begeleiderId: p.begeleiderId, childId: child.id, what: 'history' }, out.childScale)
        return c.json(out)
      })
      .post('/children/:id/evaluations', scope, async (c) => {
        const { begeleider: p, child } = c.var
        await recordEvaluation(deps, child, p.begeleiderId, await body(c, EvaluationPlanBody))
        return c.json({ ok: true }, 201)
      })
      // The child's version, on the child's own screen only: its own trusted device, or its own kamer.
      .get('/mine/veiligheidsplan', async (c) => {
        const screen = await requireChildScreen(c)
        // A later screen nobody approved (ADR 0010) may be someone else's: it gets nothing.
        if ('device' in screen && !screen.device.trusted) throw new CodedError('not_found', 404)
        return c.json(await childPlanOf(deps, screen.childId))
      })
  )
}
