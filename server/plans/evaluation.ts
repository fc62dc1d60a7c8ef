import { CodedError } from '../../dialogs/contract/errors'
import { EvaluationPlanBody, type EvaluationsOut } from '../../dialogs/contract/plans'
import { iso } from '../clock'
import { open, seal } from '../crypto/seal'
import type { Deps } from '../deps'
import { newId } from '../ids'
import type { ProjectedGesprek } from '../workspace/gesprekken'
import { loadActieplan } from './actieplan'
import { keyOf, savePlan, type ChildRow } from './store'

type Child = ChildRow & { nickname: string; age_band: string }
const evalAad = (childId: string, id: string) => `${childId}:plan-evaluation:${id}`

/**
 * The child's own scale, to set beside the begeleider's assessment [000:669-700]: the Stoplicht ladder
 * and the jongere's safety scale in Mijn kamer, from the begeleider projection only.
 */
export function childScale(gs: ProjectedGesprek[]): EvaluationsOut['childScale'] {
  const out: EvaluationsOut['childScale'] = []
  for (const g of gs)
    for (const item of g.view.items) {
      if (item.scale === undefined || item.subject) continue
      const isLadder = g.toolId === 'stoplicht' && item.stepId === 'schaal'
      const isKamer = g.toolId === 'mijn-kamer' && item.prompt === 'veiligheid.schaal'
      if (isLadder || isKamer)
        out.push({ gesprekId: g.id, toolId: g.toolId, stepId: item.stepId, at: g.createdAt, value: item.scale })
    }
  return out
}

/**
 * Records one evaluation: its content sealed, its date for the cadence, and each goal's progress carried
 * into the actieplan so the plan shows where a goal stands now.
 */
export async function recordEvaluation(
  deps: Deps,
  child: ChildRow,
  begeleiderId: string,
  body: EvaluationPlanBody,
): Promise<void> {
  if (Date.parse(`${body.heldOn}T00:00:00Z`) > deps.clock.now() + 24 * 60 * 60_000)
    throw new CodedError('invalid_payload', 400)
  const plan = await loadActieplan(deps, child)
  const known = new Set(plan?.body.goals.map((g) => g.id) ?? [])
  if (body.goals.some((g) => !known.has(g.goalId))) throw new CodedError('invalid_payload', 400)
  const id = newId()
  const now = iso(deps.clock)
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('plan_evaluations')
      .values({
        id,
        child_id: child.id,
        begeleider_id: begeleiderId,
        held_on: body.heldOn,
        body_enc: seal(keyOf(deps, child), JSON.stringify(body), evalAad(child.id, id)),
        created_at: now,
      })
      .execute()
    await trx
      .insertInto('evaluations')
      .values({ id: newId(), child_id: child.id, begeleider_id: begeleiderId, held_on: body.heldOn, created_at: now })
      .execute()
  })
  if (plan && body.goals.length > 0) {
    const progress = new Map(body.goals.map((g) => [g.goalId, g.progress]))
    const goals = plan.body.goals.map((g) => ({ ...g, progress: progress.get(g.id) ?? g.progress }))
    await savePlan(deps, child, 'actieplan', begeleiderId, { goals })
  }
}

export async function evaluationsFor(deps: Deps, child: Child, gs: ProjectedGesprek[]): Promise<EvaluationsOut> {
  const plan = await loadActieplan(deps, child)
  const goals = plan?.body.goals ?? []
  const text = new Map(goals.map((g) => [g.id, g.text]))
  const rows = await deps.db
    .selectFrom('plan_evaluations')
    .innerJoin('begeleiders', 'begeleiders.id', 'plan_evaluations.begeleider_id')
    .select(['plan_evaluations.id', 'plan_evaluations.body_enc', 'begeleiders.display_name'])
    .where('plan_evaluations.child_id', '=', child.id)
    .orderBy('plan_evaluations.held_on')
    .orderBy('plan_evaluations.created_at')
    .limit(100)
    .execute()
  const key = keyOf(deps, child)
  return {
    child: { id: child.id, nickname: child.nickname, ageBand: child.age_band as EvaluationsOut['child']['ageBand'] },
    goals: goals.map((g) => ({ id: g.id, text: g.text, progress: g.progress })),
    evaluations: rows.map((r) => {
      const body = EvaluationPlanBody.parse(JSON.parse(open(key, r.body_enc, evalAad(child.id, r.id))))
      return {
        ...body,
        id: r.id,
        by: r.display_name,
        goals: body.goals.map((g) => ({ ...g, text: text.get(g.goalId) ?? null })),
      }
    }),
    childScale: childScale(gs),
  }
}
