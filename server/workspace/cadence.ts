import type { CadenceItem, Living } from '../../dialogs/contract/workspace'

const DAY = 24 * 60 * 60_000

/**
 * The method's minimums as gentle reminders (digest 4.1): a kind-gesprek at least every two weeks,
 * an oudergesprek every week, the evaluation of goals with parent and child every six weeks, and fase 1
 * (verkenning) done within six weeks of intake [000:418, 430-434]. "due" opens a few days before the
 * deadline so there is room to plan; "overdue" after it. Nothing here ever blocks anything.
 */
export const CADENCE = {
  gesprek: { everyMs: 14 * DAY, dueWindowMs: 3 * DAY },
  oudergesprek: { everyMs: 7 * DAY, dueWindowMs: 2 * DAY },
  evaluatie: { everyMs: 42 * DAY, dueWindowMs: 7 * DAY },
  fase1: { everyMs: 42 * DAY, dueWindowMs: 7 * DAY },
} as const

/**
 * Ambulant guidance (the family at home [000:381-387]): the method's minimums are the same (they are
 * not written per setting [000:430-434]), but a kind-gesprek is a home visit to plan with the family,
 * so its reminder opens a week ahead instead of three days (docs/decisions/0060-living-situation.md).
 */
export const AMBULANT_CADENCE = {
  ...CADENCE,
  gesprek: { everyMs: 14 * DAY, dueWindowMs: 7 * DAY },
  evaluatie: { everyMs: 42 * DAY, dueWindowMs: 10 * DAY },
} as const

export const cadenceFor = (living: Living) => (living === 'ambulant' ? AMBULANT_CADENCE : CADENCE)

export function cadenceItem(
  type: keyof typeof CADENCE,
  now: number,
  last: string | null,
  /** Where the clock starts when nothing happened yet: the child's intake. */
  startedAt: string,
  living: Living = 'residentieel',
): CadenceItem {
  const { everyMs, dueWindowMs } = cadenceFor(living)[type]
  const from = Date.parse(last ?? startedAt)
  const due = from + everyMs
  const status = now > due ? 'overdue' : now >= due - dueWindowMs ? 'due' : 'ok'
  return { status, dueAt: new Date(due).toISOString(), lastAt: last }
}

/** Fase 1 (verkenning) lasts at most six weeks from intake [000:418]; moving on to fase 2 ends the reminder. */
export function fase1Limit(now: number, phase: number, startedAt: string): CadenceItem {
  const item = cadenceItem('fase1', now, null, startedAt)
  return phase === 1 ? item : { ...item, status: 'ok' }
}
