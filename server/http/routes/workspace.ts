import { Hono } from 'hono'
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
import { iso } from '../../clock'
import type { Deps } from '../../deps'
import type { GesprekHost } from '../../gesprek/host'
import { newId } from '../../ids'
import { caseload, caseloadCards, createChild, createFamily, familyForTeam } from '../../workspace/caseload'
import { projectedGesprekken, type ProjectedGesprek } from '../../workspace/gesprekken'
import { toolLabels } from '../../tools/labels'
import { buildHistory } from '../../workspace/history'
import { childTasks, setTaskDone, taskChild } from '../../workspace/tasks'
import { buildPreparation } from '../../workspace/oudergesprek'
import { loadParents, presentParent } from '../../workspace/parents'
import { addOtherParentRecord, loadDraft, otherParentRecords, saveDraft } from '../../workspace/records'
import { defaultSince } from '../../method/family'
import { body, requireBegeleider, type Ctx, type Env } from '../context'
import { sinceQuery } from '../query'

type AccessWhat = 'history' | 'oudergesprek' | 'print'

/** One log line per gesprek shown, with the parts in view, before anything is answered (SEC-08). */
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
 * The begeleider's workspace (issue 5). Every route resolves the child through childForBegeleider:
 * organisation + team scoped, "not yours" answers like "does not exist".
 */
export function workspaceRoutes(deps: Deps, host: GesprekHost) {
  /** `?ouder=`: whose preparation (a named parent); absent: the parent here. A bad value is a 400. */
  const forParent = (c: Ctx, present: ParentRole | null): ParentRole | null => {
    const q = PrepParentQuery.safeParse({ ...(c.req.query('ouder') ? { ouder: c.req.query('ouder') } : {}) })
    if (!q.success) throw new CodedError('invalid_payload', 400)
    return q.data.ouder ?? present
  }

  const preparation = async (c: Ctx, what: 'oudergesprek' | 'print') => {
    const p = await requireBegeleider(c)
    const child = await childForBegeleider(deps, p, c.req.param('id')!)
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
      const familyId = input.newFamily
        ? await createFamily(deps, p, input.newFamily)
        : input.familyId
          ? await familyForTeam(deps, p, input.familyId)
          : null
      const id = await createChild(deps, p, { ...input, familyId })
      const [card] = await caseloadCards(deps, p, id)
      return c.json(card, 201)
    })
    .get('/children/:id', async (c) => {
      const p = await requireBegeleider(c)
      const child = await childForBegeleider(deps, p, c.req.param('id'))
      const [card] = await caseloadCards(deps, p, child.id)
      if (!card) throw new CodedError('not_found', 404)
      return c.json(card)
    })
    .put('/children/:id', async (c) => {
      const p = await requireBegeleider(c)
      const child = await childForBegeleider(deps, p, c.req.param('id'))
      const input = await body(c, ChildProfileBody)
      const familyId = input.newFamily
        ? await createFamily(deps, p, input.newFamily)
        : input.familyId
          ? await familyForTeam(deps, p, input.familyId)
          : input.familyId
      await deps.db
        .updateTable('children')
        .set({
          ...(input.nickname !== undefined ? { nickname: input.nickname } : {}),
          ...(input.ageBand !== undefined ? { age_band: input.ageBand } : {}),
          ...(input.developmentBand !== undefined ? { development_band: input.developmentBand } : {}),
          ...(input.phase !== undefined ? { phase: input.phase } : {}),
          ...(input.living !== undefined ? { living: input.living } : {}),
          ...(familyId !== undefined ? { family_id: familyId } : {}),
        })
        .where('id', '=', child.id)
        .where('organisation_id', '=', p.organisationId)
        .where('team_id', '=', p.teamId)
        .execute()
      const [card] = await caseloadCards(deps, p, child.id)
      return c.json(card)
    })
    .post('/children/:id/evaluations', async (c) => {
      const p = await requireBegeleider(c)
      const child = await childForBegeleider(deps, p, c.req.param('id'))
      const { heldOn } = await body(c, EvaluationBody)
      if (Date.parse(`${heldOn}T00:00:00Z`) > deps.clock.now() + 24 * 60 * 60_000)
        throw new CodedError('invalid_payload', 400)
      await deps.db
        .insertInto('evaluations')
        .values({
          id: newId(),
          child_id: child.id,
          begeleider_id: p.begeleiderId,
          held_on: heldOn,
          created_at: iso(deps.clock),
        })
        .execute()
      const [card] = await caseloadCards(deps, p, child.id)
      return c.json(card, 201)
    })
    .get('/children/:id/tasks', async (c) => {
      const p = await requireBegeleider(c)
      const child = await childForBegeleider(deps, p, c.req.param('id'))
      const out: ChildTasksOut = { tasks: await childTasks(deps, child.id) }
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
    .get('/children/:id/other-parent', async (c) => {
      const p = await requireBegeleider(c)
      const child = await childForBegeleider(deps, p, c.req.param('id'))
      return c.json(await otherParentRecords(deps, child))
    })
    .post('/children/:id/other-parent', async (c) => {
      const p = await requireBegeleider(c)
      const child = await childForBegeleider(deps, p, c.req.param('id'))
      await addOtherParentRecord(deps, child, p.begeleiderId, await body(c, OtherParentBody))
      return c.json(await otherParentRecords(deps, child), 201)
    })
    .get('/children/:id/history', async (c) => {
      const p = await requireBegeleider(c)
      const child = await childForBegeleider(deps, p, c.req.param('id'))
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
    .get('/children/:id/oudergesprek', (c) => preparation(c, 'oudergesprek'))
    .get('/children/:id/oudergesprek/print', (c) => preparation(c, 'print'))
    .put('/children/:id/oudergesprek/draft', async (c) => {
      const p = await requireBegeleider(c)
      const child = await childForBegeleider(deps, p, c.req.param('id'))
      const present = await presentParent(deps, child.id)
      await saveDraft(deps, child, p.begeleiderId, forParent(c, present) ?? 'hier', await body(c, OudergesprekDraft))
      return c.json({ ok: true })
    })
}
