import type { TaskType, TaskView } from '../../dialogs/contract/tasks'
import { findTool } from '../../dialogs/registry'
import { iso } from '../clock'
import type { Deps } from '../deps'
import { changedSince } from '../gesprek/delta'
import type { GesprekHost } from '../gesprek/host'
import { newId } from '../ids'
import { errorFields } from '../log'

/**
 * Tasks an answer asks for (docs/tasks.md). Made after every commit from the begeleider's view
 * (never the child's), so an answer kept at "alleen ik" makes none; a task holds the kind and the
 * ids it came from, never the answer's words. Taking the answer back later leaves the task: the
 * begeleider already saw it, and the task tells nothing the begeleider did not see.
 */
export function watchTasks(deps: Deps, host: GesprekHost): void {
  const known = new Set<string>()
  // Per tool, its steps that ask for a task; and the items already looked at (items are immutable and
  // the projection keeps unchanged ones), so a commit's cost stays flat in the gesprek's length.
  const stepsOf = new Map<string, Map<string, TaskType>>()
  const looked = new WeakSet<object>()
  host.onCommitted((gesprekId, _seq, viewFor, _seqFor, viewBefore) => {
    const view = viewFor('begeleider')
    let taskSteps = stepsOf.get(view.toolId)
    if (!taskSteps) {
      const tool = findTool(view.toolId)
      taskSteps = new Map(tool?.steps.filter((s) => s.task).map((s) => [s.id, s.task!] as const))
      stepsOf.set(view.toolId, taskSteps)
    }
    if (taskSteps.size === 0) return
    const unseen = changedSince(viewBefore?.('begeleider'), view).filter((i) => !looked.has(i))
    for (const i of unseen) if (!taskSteps.has(i.stepId)) looked.add(i)
    const fresh = unseen
      .filter((i) => taskSteps.has(i.stepId))
      .map((i) => ({ itemId: i.id, type: taskSteps.get(i.stepId)! }))
      .filter((t) => !known.has(`${gesprekId}:${t.itemId}:${t.type}`))
    if (fresh.length === 0) return
    void addTasks(deps, gesprekId, fresh)
      .then(() => fresh.forEach((t) => known.add(`${gesprekId}:${t.itemId}:${t.type}`)))
      .catch((err: unknown) => deps.log.warn('task not made', errorFields(err)))
  })
}

async function addTasks(deps: Deps, gesprekId: string, tasks: { itemId: string; type: TaskType }[]): Promise<void> {
  const row = await deps.db.selectFrom('gesprekken').select('child_id').where('id', '=', gesprekId).executeTakeFirst()
  if (!row) return
  for (const t of tasks)
    await deps.db
      .insertInto('tasks')
      .values({
        id: newId(),
        child_id: row.child_id,
        type: t.type,
        gesprek_id: gesprekId,
        item_id: t.itemId,
        created_at: iso(deps.clock),
        done_at: null,
        done_by: null,
      })
      .onConflict((oc) => oc.columns(['gesprek_id', 'item_id', 'type']).doNothing())
      .execute()
}

/** The tasks of one (already authorised) child, open ones first, then the most recent. */
export async function childTasks(deps: Deps, childId: string): Promise<TaskView[]> {
  const rows = await deps.db
    .selectFrom('tasks')
    .leftJoin('begeleiders', 'begeleiders.id', 'tasks.done_by')
    .select([
      'tasks.id',
      'tasks.child_id',
      'tasks.type',
      'tasks.gesprek_id',
      'tasks.created_at',
      'tasks.done_at',
      'begeleiders.display_name',
    ])
    .where('tasks.child_id', '=', childId)
    .orderBy('tasks.created_at', 'desc')
    .execute()
  const views = rows.map((r) => ({
    id: r.id,
    childId: r.child_id,
    type: r.type,
    gesprekId: r.gesprek_id,
    createdAt: r.created_at,
    doneAt: r.done_at,
    doneBy: r.done_at ? r.display_name : null,
  }))
  return [...views.filter((v) => !v.doneAt), ...views.filter((v) => v.doneAt)]
}

/** The child a task belongs to, or undefined: the route authorises the child before changing it. */
export async function taskChild(deps: Deps, taskId: string): Promise<string | undefined> {
  const row = await deps.db.selectFrom('tasks').select('child_id').where('id', '=', taskId).executeTakeFirst()
  return row?.child_id
}

export async function setTaskDone(deps: Deps, taskId: string, begeleiderId: string, done: boolean): Promise<void> {
  await deps.db
    .updateTable('tasks')
    .set(done ? { done_at: iso(deps.clock), done_by: begeleiderId } : { done_at: null, done_by: null })
    .where('id', '=', taskId)
    .execute()
}

/** Open tasks per child, for the caseload's rows. */
export async function openTaskCounts(deps: Deps, childIds: readonly string[]): Promise<Map<string, number>> {
  if (childIds.length === 0) return new Map()
  const rows = await deps.db
    .selectFrom('tasks')
    .select(['child_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('child_id', 'in', childIds)
    .where('done_at', 'is', null)
    .groupBy('child_id')
    .execute()
  return new Map(rows.map((r) => [r.child_id, Number(r.n)]))
}
