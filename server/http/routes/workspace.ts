import { Hono, type Context } from 'hono'
import { CodedError } from '../../../dialogs/contract/errors'
import {
  ChildProfileBody,
  EvaluationBody,
  NewCaseloadChildBody,
  OtherParentBody,
  OudergesprekDraft,
  PrepParentQuery,
  type HistoryOut,
  type OudergesprekOut,
} from '../../../dialogs/contract/workspace'
import { Id } from '../../../dialogs/contract/ids'
import type { ParentRole } from '../../../dialogs/contract/parents'
import { reachesParent } from '../../../dialogs/sharing'
import { TaskDoneBody, type ChildTasksOut } from '../../../dialogs/contract/tasks'
import { recordAccess, stepsInView } from '../../audit/access-log'
import { childForBegeleider } from '../../auth/access'
import type { BegeleiderPrincipal } from '../../auth/principal'
import type { Deps } from '../../deps'
import type { GesprekHost } from '../../gesprek/host'
import { caseload, caseloadCards, createChild } from '../../workspace/caseload'
import { projectedGesprekken, type ProjectedGesprek } from '../../workspace/gesprekken'
import { toolLabels } from '../../tools/labels'
import { buildHistory } from '../../workspace/history'
import { childTasks, setTaskDone, taskChild } from '../../workspace/tasks'
import { buildPreparation } from '../../workspace/oudergesprek'
import { loadParents, presentParent } from '../../workspace/parents'
import { addEvaluation, familyFor, updateProfile } from '../../workspace/profile'
import { addOtherParentRecord, loadDraft, otherParentRecords, saveDraft } from '../../workspace/records'
import { childGesprekken } from '../../workspace/summaries'
import { defaultSince } from '../../method/family'
import { childScope, type ChildEnv } from '../child-scope'
import { body, requireBegeleider, type Env } from '../context'
import { sinceQuery } from '../query'

type AccessWhat = 'history' | 'oudergesprek' | 'print'

/**
 * One log line per gesprek shown, with the parts in view, before anything is answered: the child's
 * receipt lists every look (docs/deelafspraak.md, access log).
 */
async function logLooks(deps: Deps, p: BegeleiderPrincipal, childId: string, what: AccessWhat, gs: ProjectedGesprek[]) {
  for (const g of gs) {
    if (g.view.items.length === 0 && g.view.notes.length === 0) continue
    await recordAccess(deps, {
      begeleiderId: p.begeleiderId,
      childId,
      gesprekId: g.id,
      what,
      stepIds: stepsInView(g.view),
    })
  }
}

/**
 * The begeleider's workspace (docs/workspace.md). Every route about one child goes through childScope:
 * organisation + team scoped, "not yours" answers like "does not exist".
 */
export function workspaceRoutes(deps: Deps, host: GesprekHost) {
  const scoped = childScope()
  const card = async (p: BegeleiderPrincipal, childId: string) => {
    const [found] = await caseloadCards(deps, p, childId)
    if (!found) throw new CodedError('not_found', 404)
    return found
  }
  /** `?ouder=`: whose preparation (a named parent); absent: the parent here. A bad value is a 400. */
  const forParent = (c: Context<ChildEnv>, present: ParentRole | null): ParentRole | null => {
    const q = PrepParentQuery.safeParse({ ...(c.req.query('ouder') ? { ouder: c.req.query('ouder') } : {}) })
    if (!q.success) throw new CodedError('invalid_payload', 400)
    return q.data.ouder ?? present
  }

  const preparation = async (c: Context<ChildEnv>, what: 'oudergesprek' | 'print') => {
    const { begeleider: p, child } = c.var
    const parents = await loadParents(deps, child)
    const present = parents.present
    const forWhom = forParent(c, present)
    const asked = sinceQuery(c)
    // `auto`: since the last oudergesprek (the weekly talk), else the last two weeks.
    const since = asked === 'auto' ? await defaultSince(deps, [child.id]) : asked
    const gs = await projectedGesprekken(deps, host, child.id, 'oudergesprek', since)
    // Each parent apart: only the answers whose choice reaches this parent are read, shown and logged.
    const mine = gs.map((g) => ({
      ...g,
      view: { ...g.view, items: g.view.items.filter((i) => reachesParent(i, forWhom, present)) },
    }))
    const lists = buildPreparation(mine, { forParent: forWhom, present })
    const draft = await loadDraft(deps, child, forWhom ?? 'hier')
    await logLooks(deps, p, child.id, what, mine)
    const isOther = present !== null && forWhom !== null && forWhom !== present
    const out: OudergesprekOut = {
      child: { id: child.id, nickname: child.nickname, ageBand: child.age_band },
      parent: { for: forWhom, present },
      otherParent: isOther
        ? { profile: parents.other, flags: parents.flags, informed: (await otherParentRecords(deps, child)).current }
        : null,
      since: since ?? null,
      ...lists,
      draft: draft?.draft ?? null,
      draftUpdatedAt: draft?.updatedAt ?? null,
      // The words of only the gesprekken whose answers are on this page.
      labels: await toolLabels(
        deps,
        mine.filter((g) => g.view.items.length > 0).map((g) => g.id),
      ),
    }
    return c.json(out)
  }

  return new Hono<Env>()
    .get('/caseload', async (c) => c.json(await caseload(deps, await requireBegeleider(c))))
    .post('/children', async (c) => {
      const p = await requireBegeleider(c)
      const input = await body(c, NewCaseloadChildBody)
      const id = await createChild(deps, p, { ...input, familyId: (await familyFor(deps, p, input)) ?? null })
      return c.json(await card(p, id), 201)
    })
    .get('/children/:id', scoped, async (c) => c.json(await card(c.var.begeleider, c.var.child.id)))
    .put('/children/:id', scoped, async (c) => {
      const { begeleider: p, child } = c.var
      await updateProfile(deps, p, child.id, await body(c, ChildProfileBody))
      return c.json(await card(p, child.id))
    })
    .post('/children/:id/evaluations', scoped, async (c) => {
      const { begeleider: p, child } = c.var
      const { heldOn } = await body(c, EvaluationBody)
      await addEvaluation(deps, p, child.id, heldOn)
      return c.json(await card(p, child.id), 201)
    })
    .get('/children/:id/gesprekken', scoped, async (c) => c.json(await childGesprekken(deps, c.var.child.id)))
    .get('/children/:id/tasks', scoped, async (c) => {
      const out: ChildTasksOut = { tasks: await childTasks(deps, c.var.child.id) }
      return c.json(out)
    })
    .put('/tasks/:id', async (c) => {
      const p = await requireBegeleider(c)
      const taskId = c.req.param('id')
      const childId = Id.safeParse(taskId).success ? await taskChild(deps, taskId) : undefined
      if (!childId) throw new CodedError('not_found', 404)
      // The same team rule as the child's page: another team's task is not found, not forbidden.
      const child = await childForBegeleider(deps, p, childId)
      const { done } = await body(c, TaskDoneBody)
      await setTaskDone(deps, taskId, p.begeleiderId, done)
      const out: ChildTasksOut = { tasks: await childTasks(deps, child.id) }
      return c.json(out)
    })
    .get('/children/:id/other-parent', scoped, async (c) => c.json(await otherParentRecords(deps, c.var.child)))
    .post('/children/:id/other-parent', scoped, async (c) => {
      const { begeleider: p, child } = c.var
      await addOtherParentRecord(deps, child, p.begeleiderId, await body(c, OtherParentBody))
      return c.json(await otherParentRecords(deps, child), 201)
    })
    .get('/children/:id/history', scoped, async (c) => {
      const { begeleider: p, child } = c.var
      const gs = await projectedGesprekken(deps, host, child.id, 'begeleider')
      await logLooks(deps, p, child.id, 'history', gs)
      const out: HistoryOut = {
        ...buildHistory({ id: child.id, nickname: child.nickname, ageBand: child.age_band }, gs),
        labels: await toolLabels(
          deps,
          gs.map((g) => g.id),
        ),
      }
      return c.json(out)
    })
    .get('/children/:id/oudergesprek', scoped, (c) => preparation(c, 'oudergesprek'))
    .get('/children/:id/oudergesprek/print', scoped, (c) => preparation(c, 'print'))
    .put('/children/:id/oudergesprek/draft', scoped, async (c) => {
      const { begeleider: p, child } = c.var
      const present = await presentParent(deps, child.id)
      await saveDraft(deps, child, p.begeleiderId, forParent(c, present) ?? 'hier', await body(c, OudergesprekDraft))
      return c.json({ ok: true })
    })
}
