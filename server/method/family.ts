import type { FamilyChildPrep, FamilyPrepOut } from '../../dialogs/contract/method'
import type { ParentRole } from '../../dialogs/contract/parents'
import type { BegeleiderPrincipal } from '../auth/principal'
import { recordAccess, stepsInView } from '../audit/access-log'
import type { Deps } from '../deps'
import type { GesprekHost } from '../gesprek/host'
import { familyForTeam } from '../workspace/caseload'
import { projectedGesprekken } from '../workspace/gesprekken'
import { buildPreparation } from '../workspace/oudergesprek'
import { presentParent } from '../workspace/parents'
import { lastHeld } from './records'

const DAY = 24 * 60 * 60_000

/**
 * The default period of an oudergesprek preparation: since the last oudergesprek, else the last two
 * weeks (the weekly talk, not the six-weekly evaluation [000:430-434, 588-592]). For siblings: the
 * earliest of their own defaults, so no child's items since their own last oudergesprek are missed.
 */
export async function defaultSince(deps: Deps, childIds: string[]): Promise<string> {
  const last = await lastHeld(deps, childIds, 'oudergesprek')
  const fallback = new Date(deps.clock.now() - 14 * DAY).toISOString().slice(0, 10)
  const days = childIds.map((id) => last.get(id) ?? fallback).sort()
  return `${days[0] ?? fallback}T00:00:00.000Z`
}

/** The siblings of the begeleider's own team in one family; another team's child is never among them. */
export async function familyChildren(deps: Deps, p: BegeleiderPrincipal, familyId: string) {
  const id = await familyForTeam(deps, p, familyId)
  const family = await deps.db
    .selectFrom('families')
    .select(['id', 'label'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const children = await deps.db
    .selectFrom('children')
    .selectAll()
    .where('family_id', '=', id)
    .where('organisation_id', '=', p.organisationId)
    .where('team_id', '=', p.teamId)
    .where('key_wrapped', 'is not', null)
    .where('closed_at', 'is', null)
    .orderBy('nickname')
    .execute()
  return { family, children }
}

/**
 * Which parent this talk is with: the one asked for, else the one most siblings' oudergesprek is with (a
 * tie: none). A child is only in the sheet when its own oudergesprek is with that parent: for a child
 * whose recorded parent differs, this parent is the other parent, and the deelafspraak lets nothing
 * reach them [000:894-906]. A child without a recorded parent is left out of a sheet for a named parent.
 */
export function resolveWith(asked: ParentRole | null, present: (ParentRole | null)[]): ParentRole | null {
  if (asked) return asked
  const count = (r: ParentRole) => present.filter((x) => x === r).length
  const [mama, papa] = [count('mama'), count('papa')]
  return mama > papa ? 'mama' : papa > mama ? 'papa' : null
}
export function leftOut(childParent: ParentRole | null, withParent: ParentRole | null): FamilyChildPrep['leftOut'] {
  if (childParent === withParent) return null
  return childParent === null ? 'ouder-onbekend' : 'andere-ouder'
}

export async function familyPreparation(
  deps: Deps,
  host: GesprekHost,
  p: BegeleiderPrincipal,
  familyId: string,
  // since: an ISO start, 'auto' (since the last oudergesprek), or undefined (every gesprek).
  opts: { with: ParentRole | null; since: string | undefined },
): Promise<FamilyPrepOut> {
  const { family, children } = await familyChildren(deps, p, familyId)
  const parents = await Promise.all(children.map((c) => presentParent(deps, c.id)))
  const withParent = resolveWith(opts.with, parents)
  const included = children.filter((_, i) => leftOut(parents[i]!, withParent) === null)
  const since =
    opts.since === 'auto'
      ? await defaultSince(
          deps,
          included.map((c) => c.id),
        )
      : (opts.since ?? null)
  const out: FamilyChildPrep[] = []
  for (const [i, child] of children.entries()) {
    const reason = leftOut(parents[i]!, withParent)
    const base = { child: { id: child.id, nickname: child.nickname, ageBand: child.age_band } }
    if (reason) {
      // Not even read: nothing of this child is projected, logged as seen, or sent.
      out.push({ ...base, included: false, leftOut: reason, zelfVertellen: [], begeleiderVertelt: [], observatie: [] })
      continue
    }
    // Each child's own projection, one at a time: an item can only ever sit under the child it came from.
    const gs = await projectedGesprekken(deps, host, child.id, 'oudergesprek', since ?? undefined)
    for (const g of gs)
      if (g.view.items.length > 0)
        await recordAccess(deps, {
          begeleiderId: p.begeleiderId,
          childId: child.id,
          gesprekId: g.id,
          what: 'oudergesprek',
          stepIds: stepsInView(g.view),
        })
    // Each parent apart: only what this child's choices addressed to the parent of this talk.
    const mine = parents[i] ?? null
    out.push({
      ...base,
      included: true,
      leftOut: null,
      ...buildPreparation(gs, { forParent: withParent, present: mine }),
    })
  }
  return { family: { id: family.id, label: family.label }, with: withParent, since, children: out }
}
