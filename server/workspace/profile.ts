import { CodedError } from '../../dialogs/contract/errors'
import type * as z from 'zod'
import type { ChildProfileBody } from '../../dialogs/contract/workspace'
import type { BegeleiderPrincipal } from '../auth/principal'
import { iso } from '../clock'
import type { Deps } from '../deps'
import { newId } from '../ids'
import { createFamily, familyForTeam } from './caseload'

/**
 * The family a new or changed child goes into: a new one made on the way, one of the team's own, or
 * (`undefined` on a change) the family it already has. Another team's family is `not_found`.
 */
export async function familyFor(
  deps: Deps,
  p: BegeleiderPrincipal,
  input: { newFamily?: string | undefined; familyId?: string | null | undefined },
): Promise<string | null | undefined> {
  if (input.newFamily) return createFamily(deps, p, input.newFamily)
  if (input.familyId) return familyForTeam(deps, p, input.familyId)
  return input.familyId
}

/** Changes what the caseload shows of one child of the begeleider's own team; only the fields given. */
export async function updateProfile(
  deps: Deps,
  p: BegeleiderPrincipal,
  childId: string,
  input: z.output<typeof ChildProfileBody>,
): Promise<void> {
  const familyId = await familyFor(deps, p, input)
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
    .where('id', '=', childId)
    .where('organisation_id', '=', p.organisationId)
    .where('team_id', '=', p.teamId)
    .execute()
}

/** Records that an evaluation was held; a day more than a day ahead is refused. */
export async function addEvaluation(deps: Deps, p: BegeleiderPrincipal, childId: string, heldOn: string) {
  if (Date.parse(`${heldOn}T00:00:00Z`) > deps.clock.now() + 24 * 60 * 60_000)
    throw new CodedError('invalid_payload', 400)
  await deps.db
    .insertInto('evaluations')
    .values({
      id: newId(),
      child_id: childId,
      begeleider_id: p.begeleiderId,
      held_on: heldOn,
      created_at: iso(deps.clock),
    })
    .execute()
}
