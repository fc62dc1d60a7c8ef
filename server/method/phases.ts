import type * as z from 'zod'
import {
  AfscheidContactsBody,
  FASE1_ITEMS,
  Fase1Body,
  OverdrachtBody,
  type ConsentOut,
  type Fase1Item,
  type PhaseOut,
} from '../../dialogs/contract/method'
import { ActieplanBody } from '../../dialogs/contract/plans'
import type { Fase } from '../../dialogs/contract/workspace'
import type { Deps } from '../deps'
import { fase1Limit } from '../workspace/cadence'
import { loadPlan } from '../plans/store'
import { addRecord, latest, type ChildRow } from './records'
import { assertHeld } from './rhythm'

type Child = ChildRow & { created_at: string; phase: number; age_band: string; living: string }
type Check = PhaseOut['fase1']['items'][number]

/** Tools whose first gesprek ticks a fase-1 item by itself: no second form for work already done. */
const FROM_TOOL: Partial<Record<Fase1Item, (toolId: string) => boolean>> = {
  intake: (t) => t.startsWith('kennismaking'),
  netwerk: (t) => t === 'mijn-netwerk',
}

/**
 * The fase-1 checklist [000:603-758, 1154-1225]: what the begeleider ticked, plus what the record already
 * shows (a network tool done, the 12+ consent recorded, a younger child told who is approached). A derived
 * tick cannot be unticked by hand; the begeleider sees where it comes from.
 */
export async function fase1Checks(deps: Deps, child: Child, consent: ConsentOut): Promise<Check[]> {
  const [ticked, gesprekken, actieplan] = await Promise.all([
    latest(deps, child, 'fase1', Fase1Body),
    deps.db
      .selectFrom('gesprekken')
      .select(['tool_id', 'created_at'])
      .where('child_id', '=', child.id)
      .orderBy('created_at')
      .execute(),
    loadPlan(deps, child, 'actieplan', ActieplanBody),
  ])
  const manual = new Set(ticked?.body.ticks ?? [])
  return FASE1_ITEMS.map((id): Check => {
    const test = FROM_TOOL[id]
    const tool = test ? gesprekken.find((g) => test(g.tool_id)) : undefined
    if (tool) return { id, done: true, from: 'tool', at: tool.created_at }
    // The plans room (server/plans) holds the actieplan: one with a goal is one drawn up.
    if (id === 'actieplan' && actieplan && actieplan.body.goals.length > 0)
      return { id, done: true, from: 'plan', at: actieplan.updatedAt }
    if (id === 'professionals') {
      if (consent.twelvePlus && consent.jongere.decision === 'gegeven')
        return { id, done: true, from: 'consent', at: consent.jongere.on }
      if (!consent.twelvePlus && consent.told.on) return { id, done: true, from: 'told', at: consent.told.on }
    }
    return { id, done: manual.has(id), from: null, at: null }
  })
}

export async function loadPhase(deps: Deps, child: Child, consent: ConsentOut): Promise<PhaseOut> {
  const items = await fase1Checks(deps, child, consent)
  const over = await latest(deps, child, 'overdracht', OverdrachtBody)
  const contacts = await latest(deps, child, 'contacten', AfscheidContactsBody)
  return {
    phase: child.phase as Fase,
    living: child.living === 'ambulant' ? 'ambulant' : 'residentieel',
    // The same reminder as on the caseload row: it runs while the child is in fase 1.
    fase1: { limit: fase1Limit(deps.clock.now(), child.phase, child.created_at), items },
    overdracht: over ? { ...over.body, recordedBy: over.recordedBy, recordedAt: over.recordedAt } : null,
    contacten: contacts ? { ...contacts.body, recordedBy: contacts.recordedBy, recordedAt: contacts.recordedAt } : null,
  }
}

export async function saveFase1(deps: Deps, child: ChildRow, begeleiderId: string, input: z.output<typeof Fase1Body>) {
  await addRecord(deps, child, begeleiderId, 'fase1', { ticks: [...new Set(input.ticks)] })
}

export async function saveOverdracht(
  deps: Deps,
  child: ChildRow,
  begeleiderId: string,
  input: z.output<typeof OverdrachtBody>,
) {
  // Planned handovers may lie ahead; a far-off date is still a typo.
  if (Date.parse(`${input.on}T00:00:00Z`) > deps.clock.now() + 366 * 24 * 60 * 60_000) assertHeld(deps, input.on)
  await addRecord(deps, child, begeleiderId, 'overdracht', input, input.on)
}

/** The afscheid's contacts, as the begeleider entered them: the whole list each time, the newest counts. */
export async function saveContacten(
  deps: Deps,
  child: ChildRow,
  begeleiderId: string,
  input: z.output<typeof AfscheidContactsBody>,
) {
  await addRecord(deps, child, begeleiderId, 'contacten', input)
}
