import { toolInfo } from '../../dialogs/catalog'
import { ActieplanBody, type ActieplanOut, type CitedItem, type PlanAudience } from '../../dialogs/contract/plans'
import { themeOf } from '../../dialogs/themes'
import type { Deps } from '../deps'
import { toolLabels } from '../tools/labels'
import type { ProjectedGesprek } from '../workspace/gesprekken'
import { assertCitable, cited, resolve, shownItems } from './cite'
import { loadPlan, savePlan, type ChildRow } from './store'

type Child = ChildRow & { nickname: string; age_band: string }

/** Answers that often become a goal: dreams and future, worries, what helps [000:756-758]. */
const GOAL_THEMES = new Set(['dromen', 'zorgen', 'veiligheid'])

export function goalSuggestions(gs: ProjectedGesprek[]): CitedItem[] {
  const out: CitedItem[] = []
  for (const g of [...gs].reverse()) {
    const tool = toolInfo(g.toolId)
    for (const item of g.view.items) {
      const type = tool?.steps.find((s) => s.id === item.stepId)?.type
      // A colour or a number is not a goal; words and pictures are.
      if (item.colour || item.scale !== undefined || item.person) continue
      if (GOAL_THEMES.has(themeOf(g.toolId, item.stepId, type, item.prompt))) out.push(cited(g, item))
    }
  }
  return out.slice(0, 24)
}

export const loadActieplan = (deps: Deps, child: ChildRow) => loadPlan(deps, child, 'actieplan', ActieplanBody)

/** The actieplan as one audience sees it; `gs` is already projected for that audience. */
export async function actieplanFor(
  deps: Deps,
  child: Child,
  audience: PlanAudience,
  gs: ProjectedGesprek[],
): Promise<ActieplanOut> {
  const stored = await loadActieplan(deps, child)
  const shown = shownItems(gs)
  return {
    child: { id: child.id, nickname: child.nickname, ageBand: child.age_band as ActieplanOut['child']['ageBand'] },
    audience,
    goals: (stored?.body.goals ?? []).map((goal) => ({ ...goal, citations: resolve(goal.citations, shown) })),
    suggestions: audience === 'begeleider' ? goalSuggestions(gs) : [],
    labels: await toolLabels(
      deps,
      gs.map((g) => g.id),
    ),
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  }
}

/** `begeleiderView`: the gesprekken as the begeleider sees them, against which every citation is checked. */
export async function saveActieplan(
  deps: Deps,
  child: ChildRow,
  begeleiderId: string,
  body: ActieplanBody,
  begeleiderView: ProjectedGesprek[],
): Promise<void> {
  assertCitable(
    body.goals.flatMap((g) => g.citations),
    shownItems(begeleiderView),
  )
  await savePlan(deps, child, 'actieplan', begeleiderId, body)
}
