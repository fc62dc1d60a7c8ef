import {
  VeiligheidsplanBody,
  type ChildPlanOut,
  type CitedItem,
  type PlanAudience,
  type SafetyFlag,
  type VeiligheidsplanOut,
} from '../../dialogs/contract/plans'
import { CodedError } from '../../dialogs/contract/errors'
import type { Deps } from '../deps'
import { toolLabels } from '../tools/labels'
import type { ProjectedGesprek } from '../workspace/gesprekken'
import { loadParents } from '../workspace/parents'
import { assertCitable, cited, resolve, shownItems } from './cite'
import { loadPlan, savePlan, type ChildRow } from './store'

type Child = ChildRow & { nickname: string; age_band: string }

const EMPTY: VeiligheidsplanBody = {
  worries: [],
  mustHappen: [],
  whoDoesWhat: [],
  citations: [],
  childVersion: [],
  agreements: [],
}

/**
 * What a veiligheidsplan is drafted from [000:688-706]: the Stoplicht's "wat heb je nodig", the jongere's
 * safety module in Mijn kamer, and the child's own network flags: all from gesprekken already projected
 * for the begeleider, so nothing the child keeps to themself is in the draft.
 */
export function safetyAnswers(gs: ProjectedGesprek[]): { answers: CitedItem[]; childFlags: SafetyFlag[] } {
  const answers: CitedItem[] = []
  const childFlags = new Map<string, SafetyFlag>()
  for (const g of [...gs].reverse()) {
    for (const item of g.view.items) {
      if (g.toolId === 'stoplicht' && item.stepId === 'nodig') answers.push(cited(g, item))
      else if (g.toolId === 'mijn-kamer' && item.prompt?.startsWith('veiligheid.')) answers.push(cited(g, item))
      const p = item.person
      if (p && (p.safe === 'nee' || p.mustNotKnow)) {
        const key = p.name.trim().toLocaleLowerCase('nl')
        if (childFlags.has(key)) continue
        const flags: SafetyFlag['flags'] = [
          ...(p.safe === 'nee' ? (['niet-veilig'] as const) : []),
          ...(p.mustNotKnow ? (['mag-niet-weten'] as const) : []),
        ]
        childFlags.set(key, { person: p.name, flags, from: 'kind' })
      }
    }
  }
  return { answers, childFlags: [...childFlags.values()] }
}

export const loadVeiligheidsplan = (deps: Deps, child: ChildRow) =>
  loadPlan(deps, child, 'veiligheidsplan', VeiligheidsplanBody)

export async function veiligheidsplanFor(
  deps: Deps,
  child: Child,
  audience: PlanAudience,
  gs: ProjectedGesprek[],
): Promise<VeiligheidsplanOut> {
  const stored = await loadVeiligheidsplan(deps, child)
  const body = stored?.body ?? EMPTY
  const shown = shownItems(gs)
  let draft: VeiligheidsplanOut['draft'] = { answers: [], flags: [] }
  if (audience === 'begeleider') {
    const { answers, childFlags } = safetyAnswers(gs)
    const own = (await loadParents(deps, child)).flags.map((f): SafetyFlag => ({ ...f, from: 'begeleider' }))
    draft = { answers, flags: [...own, ...childFlags] }
  }
  return {
    child: {
      id: child.id,
      nickname: child.nickname,
      ageBand: child.age_band as VeiligheidsplanOut['child']['ageBand'],
    },
    audience,
    plan: { ...body, citations: resolve(body.citations, shown) },
    draft,
    labels: await toolLabels(
      deps,
      gs.map((g) => g.id),
    ),
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  }
}

export async function saveVeiligheidsplan(
  deps: Deps,
  child: ChildRow,
  begeleiderId: string,
  body: VeiligheidsplanBody,
  begeleiderView: ProjectedGesprek[],
): Promise<void> {
  assertCitable(body.citations, shownItems(begeleiderView))
  await savePlan(deps, child, 'veiligheidsplan', begeleiderId, body)
}

/** The child's version only: the begeleider's pictures and sentences and who agreed; no answer, no citation. */
export async function childPlan(deps: Deps, child: ChildRow): Promise<ChildPlanOut> {
  const stored = await loadVeiligheidsplan(deps, child)
  if (!stored || stored.body.childVersion.length === 0) return { lines: [], agreements: [], updatedAt: null }
  return { lines: stored.body.childVersion, agreements: stored.body.agreements, updatedAt: stored.updatedAt }
}

/** The child's version for the child's own screen: a child that was erased has none. */
export async function childPlanOf(deps: Deps, childId: string): Promise<ChildPlanOut> {
  const child = await deps.db
    .selectFrom('children')
    .select(['id', 'key_wrapped'])
    .where('id', '=', childId)
    .where('key_wrapped', 'is not', null)
    .executeTakeFirst()
  if (!child) throw new CodedError('not_found', 404)
  return childPlan(deps, child)
}
