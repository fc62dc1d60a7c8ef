import type { ChildSignalsOut, SignalView } from '../../dialogs/contract/signals'
import type { GesprekView } from '../../dialogs/contract/view'
import { signalsIn } from '../../dialogs/signals'
import type { Deps } from '../deps'
import { changedSince } from '../gesprek/delta'
import type { GesprekHost } from '../gesprek/host'
import { newId } from '../ids'
import { iso } from '../clock'
import { errorFields } from '../log'
import { projectedGesprekken } from '../workspace/gesprekken'

export const DEFAULT_FOLLOW_UP_DAYS = 2

/** The day `workdays` working days (Monday to Friday) after `from`, as YYYY-MM-DD (UTC). */
export function addWorkdays(from: string, workdays: number): string {
  const d = new Date(from)
  let left = workdays
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1)
    const day = d.getUTCDay()
    if (day !== 0 && day !== 6) left--
  }
  return d.toISOString().slice(0, 10)
}

/**
 * Starts the follow-up window the moment a signal reaches the begeleider's projection: called after
 * every commit with the begeleider's view (never the child's), so a private answer starts nothing.
 */
export function watchSignals(deps: Deps, host: GesprekHost): void {
  const known = new Set<string>()
  // Items are immutable and the projection keeps unchanged ones: only what this commit changed is looked
  // at, and an item without a signal not again, so a commit costs the same late in a long gesprek as
  // early (docs/decisions/0120, 0155).
  const quiet = new WeakSet<object>()
  host.onCommitted((gesprekId, _seq, viewFor, _seqFor, viewBefore) => {
    const view = viewFor('begeleider')
    const unseen = changedSince(viewBefore?.('begeleider'), view).filter((i) => !quiet.has(i))
    const signals = signalsIn(view.toolId, { items: unseen })
    const signalled = new Set(signals.map((s) => s.itemId))
    for (const i of unseen) if (!signalled.has(i.id)) quiet.add(i)
    const fresh = signals.filter((s) => !known.has(`${gesprekId}:${s.itemId}`))
    if (fresh.length === 0) return
    void (async () => {
      const row = await deps.db
        .selectFrom('gesprekken')
        .select('child_id')
        .where('id', '=', gesprekId)
        .executeTakeFirst()
      if (!row) return
      for (const s of fresh) {
        await deps.db
          .insertInto('signal_seen')
          .values({ gesprek_id: gesprekId, item_id: s.itemId, child_id: row.child_id, first_seen_at: iso(deps.clock) })
          .onConflict((oc) => oc.columns(['gesprek_id', 'item_id']).doNothing())
          .execute()
        known.add(`${gesprekId}:${s.itemId}`)
      }
    })().catch((err: unknown) => deps.log.warn('signal window not started', errorFields(err)))
  })
}

type Projected = { id: string; toolId: string; createdAt: string; view: GesprekView }

/** The signals of one (already authorised) child, from the begeleider's projection of every gesprek. */
export async function childSignals(deps: Deps, host: GesprekHost, childId: string): Promise<ChildSignalsOut> {
  const days = deps.config.signalFollowUpDays ?? DEFAULT_FOLLOW_UP_DAYS
  const gesprekken: Projected[] = await projectedGesprekken(deps, host, childId, 'begeleider')
  const [seen, followUps, talk] = await Promise.all([
    deps.db.selectFrom('signal_seen').selectAll().where('child_id', '=', childId).execute(),
    deps.db
      .selectFrom('signal_followups')
      .innerJoin('begeleiders', 'begeleiders.id', 'signal_followups.begeleider_id')
      .select([
        'signal_followups.gesprek_id',
        'signal_followups.item_id',
        'signal_followups.with_whom',
        'signal_followups.held_on',
        'begeleiders.display_name',
      ])
      .where('signal_followups.child_id', '=', childId)
      .orderBy('signal_followups.held_on')
      .execute(),
    deps.db
      .selectFrom('talk_requests')
      .select(['id', 'created_at'])
      .where('child_id', '=', childId)
      .where('handled_at', 'is', null)
      .orderBy('created_at')
      .execute(),
  ])
  const seenAt = new Map(seen.map((s) => [`${s.gesprek_id}:${s.item_id}`, s.first_seen_at]))
  const today = iso(deps.clock).slice(0, 10)
  const signals: SignalView[] = []
  for (const g of gesprekken)
    for (const s of signalsIn(g.toolId, g.view)) {
      const key = `${g.id}:${s.itemId}`
      const since = seenAt.get(key) ?? g.createdAt
      const dueOn = addWorkdays(since, days)
      const done = followUps
        .filter((f) => `${f.gesprek_id}:${f.item_id}` === key)
        .map((f) => ({ with: f.with_whom as 'kind' | 'team' | 'ouder', on: f.held_on, by: f.display_name }))
      signals.push({
        gesprekId: g.id,
        toolId: g.toolId,
        itemId: s.itemId,
        stepId: s.stepId,
        type: s.type,
        since,
        dueOn,
        status: done.length > 0 ? 'besproken' : today > dueOn ? 'te-laat' : 'open',
        followUps: done,
      })
    }
  return { followUpDays: days, signals, talk: talk.map((t) => ({ id: t.id, since: t.created_at })) }
}

/** A begeleider's record of having discussed a signal; only for a signal the begeleider can see now. */
export async function addFollowUp(
  deps: Deps,
  host: GesprekHost,
  input: { childId: string; begeleiderId: string; gesprekId: string; itemId: string; with: string; on: string },
): Promise<boolean> {
  const current = await childSignals(deps, host, input.childId)
  if (!current.signals.some((s) => s.gesprekId === input.gesprekId && s.itemId === input.itemId)) return false
  await deps.db
    .insertInto('signal_followups')
    .values({
      id: newId(),
      child_id: input.childId,
      gesprek_id: input.gesprekId,
      item_id: input.itemId,
      begeleider_id: input.begeleiderId,
      with_whom: input.with,
      held_on: input.on,
      created_at: iso(deps.clock),
    })
    .execute()
  return true
}

/** "Ik wil praten": one open request per child is enough; pressing again changes nothing. */
export async function requestTalk(deps: Deps, childId: string): Promise<void> {
  const open = await deps.db
    .selectFrom('talk_requests')
    .select('id')
    .where('child_id', '=', childId)
    .where('handled_at', 'is', null)
    .executeTakeFirst()
  if (open) return
  await deps.db
    .insertInto('talk_requests')
    .values({ id: newId(), child_id: childId, created_at: iso(deps.clock), handled_at: null, handled_by: null })
    .execute()
}

/** The begeleider made contact: every open request of this child is answered. */
export async function handleTalk(deps: Deps, childId: string, begeleiderId: string): Promise<void> {
  await deps.db
    .updateTable('talk_requests')
    .set({ handled_at: iso(deps.clock), handled_by: begeleiderId })
    .where('child_id', '=', childId)
    .where('handled_at', 'is', null)
    .execute()
}
