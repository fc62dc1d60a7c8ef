import { CodedError } from '../../dialogs/contract/errors'
import type { AgeBand } from '../../dialogs/contract/ids'
import type { CaseloadChild, CaseloadOut, Fase, Living } from '../../dialogs/contract/workspace'
import type { BegeleiderPrincipal } from '../auth/principal'
import { iso } from '../clock'
import type { Deps } from '../deps'
import { newId } from '../ids'
import { lastHeld } from '../method/records'
import { noon } from '../method/rhythm'
import { cadenceItem, fase1Limit } from './cadence'
import { openTaskCounts } from './tasks'

/** The children of the begeleider's own team (organisation + team scoped), with their cadence. */
export async function caseloadCards(
  deps: Deps,
  p: BegeleiderPrincipal,
  onlyChildId?: string,
): Promise<CaseloadChild[]> {
  let q = deps.db
    .selectFrom('children')
    .innerJoin('begeleiders', 'begeleiders.id', 'children.begeleider_id')
    .select([
      'children.id',
      'children.nickname',
      'children.age_band',
      'children.development_band',
      'children.phase',
      'children.living',
      'children.family_id',
      'children.begeleider_id',
      'children.created_at',
      'begeleiders.display_name',
    ])
    .where('children.organisation_id', '=', p.organisationId)
    .where('children.team_id', '=', p.teamId)
    .where('children.key_wrapped', 'is not', null)
    .where('children.closed_at', 'is', null)
  if (onlyChildId) q = q.where('children.id', '=', onlyChildId)
  const rows = await q.orderBy('children.nickname').execute()
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  // The kind-gesprek minimum counts guided gesprekken; the jongere's own kamer is not a talk with us.
  const lastGesprek = await deps.db
    .selectFrom('gesprekken')
    .select(['child_id', (eb) => eb.fn.max('created_at').as('last'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('child_id', 'in', ids)
    .where('setting', '=', 'begeleid')
    .groupBy('child_id')
    .execute()
  const lastEvaluation = await deps.db
    .selectFrom('evaluations')
    .select(['child_id', (eb) => eb.fn.max('held_on').as('last')])
    .where('child_id', 'in', ids)
    .groupBy('child_id')
    .execute()
  const openTasks = await openTaskCounts(deps, ids)
  const lastOudergesprek = await lastHeld(deps, ids, 'oudergesprek')
  const gesprekBy = new Map(lastGesprek.map((r) => [r.child_id, r]))
  const evalBy = new Map(lastEvaluation.map((r) => [r.child_id, r.last]))
  const now = deps.clock.now()
  return rows.map((r) => {
    const g = gesprekBy.get(r.id)
    const lastEval = evalBy.get(r.id)
    return {
      id: r.id,
      nickname: r.nickname,
      ageBand: r.age_band,
      developmentBand: r.development_band,
      phase: r.phase,
      living: r.living,
      familyId: r.family_id,
      begeleider: r.display_name,
      mine: r.begeleider_id === p.begeleiderId,
      createdAt: r.created_at,
      gesprekCount: Number(g?.n ?? 0),
      openTasks: openTasks.get(r.id) ?? 0,
      cadence: {
        gesprek: cadenceItem('gesprek', now, g?.last ?? null, r.created_at, r.living),
        oudergesprek: cadenceItem('oudergesprek', now, noon(lastOudergesprek.get(r.id)), r.created_at),
        // held_on is a day; read it as noon UTC so a time zone never moves it to the day before.
        evaluatie: cadenceItem('evaluatie', now, lastEval ? `${lastEval}T12:00:00.000Z` : null, r.created_at, r.living),
        fase1: fase1Limit(now, r.phase, r.created_at),
      },
    }
  })
}

/** Siblings together; children without a family each stand alone, at the end. */
export async function caseload(deps: Deps, p: BegeleiderPrincipal): Promise<CaseloadOut> {
  const cards = await caseloadCards(deps, p)
  const familyIds = [...new Set(cards.flatMap((c) => (c.familyId ? [c.familyId] : [])))]
  const families = familyIds.length
    ? await deps.db
        .selectFrom('families')
        .select(['id', 'label'])
        .where('id', 'in', familyIds)
        .where('organisation_id', '=', p.organisationId)
        .orderBy('label')
        .execute()
    : []
  const grouped: CaseloadOut['families'] = families.map((f) => ({
    id: f.id,
    label: f.label,
    children: cards.filter((c) => c.familyId === f.id),
  }))
  const known = new Set(families.map((f) => f.id))
  for (const c of cards)
    if (!c.familyId || !known.has(c.familyId)) grouped.push({ id: null, label: null, children: [c] })
  return { now: iso(deps.clock), families: grouped, familyOptions: families }
}

/** A family the begeleider may attach a child to: same organisation and already holding a child of the team. */
export async function familyForTeam(deps: Deps, p: BegeleiderPrincipal, familyId: string): Promise<string> {
  const row = await deps.db
    .selectFrom('families')
    .innerJoin('children', 'children.family_id', 'families.id')
    .select('families.id')
    .where('families.id', '=', familyId)
    .where('families.organisation_id', '=', p.organisationId)
    .where('children.team_id', '=', p.teamId)
    .executeTakeFirst()
  if (!row) throw new CodedError('not_found', 404)
  return row.id
}

export async function createFamily(deps: Deps, p: BegeleiderPrincipal, label: string): Promise<string> {
  const id = newId()
  await deps.db
    .insertInto('families')
    .values({ id, organisation_id: p.organisationId, label, created_at: iso(deps.clock) })
    .execute()
  return id
}

/**
 * A new child in the begeleider's own team, with their own data key. The one place children are made:
 * a nickname and an age band, never a full name or a birth date: a stolen copy must not name a child (docs/security.md, threat model).
 */
export async function createChild(
  deps: Deps,
  p: BegeleiderPrincipal,
  input: { nickname: string; ageBand: AgeBand; familyId?: string | null; phase?: Fase; living?: Living },
): Promise<string> {
  const id = newId()
  await deps.db
    .insertInto('children')
    .values({
      id,
      organisation_id: p.organisationId,
      team_id: p.teamId,
      begeleider_id: p.begeleiderId,
      nickname: input.nickname,
      age_band: input.ageBand,
      key_wrapped: deps.keys.newWrappedKey(id),
      created_at: iso(deps.clock),
      closed_at: null,
      family_id: input.familyId ?? null,
      ...(input.phase !== undefined ? { phase: input.phase } : {}),
      ...(input.living !== undefined ? { living: input.living } : {}),
    })
    .execute()
  return id
}
