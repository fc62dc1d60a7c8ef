import { CodedError } from '../../dialogs/contract/errors'
import type { Deps } from '../deps'
import type { BegeleiderPrincipal, Principal } from './principal'

/**
 * Deny by default: every read or write of a child's data passes one of these (docs/security.md,
 * authorisation matrix).
 * A begeleider reaches the children of their own team in their own organisation, nothing else.
 */
export async function childForBegeleider(deps: Deps, p: BegeleiderPrincipal, childId: string) {
  const child = await deps.db
    .selectFrom('children')
    .selectAll()
    .where('id', '=', childId)
    .where('organisation_id', '=', p.organisationId)
    .where('team_id', '=', p.teamId)
    // An erased child's tombstone is no one's child any more: not shown, renamed or given evaluations.
    .where('key_wrapped', 'is not', null)
    .executeTakeFirst()
  // Same answer for "does not exist" and "not yours": no probing of other teams' ids.
  if (!child) throw new CodedError('not_found', 404)
  return child
}

export async function gesprekFor(deps: Deps, p: Principal, gesprekId: string) {
  const row = await deps.db
    .selectFrom('gesprekken')
    .innerJoin('children', 'children.id', 'gesprekken.child_id')
    .leftJoin('kamer_gesprekken', 'kamer_gesprekken.gesprek_id', 'gesprekken.id')
    .select([
      'kamer_gesprekken.kamer_id',
      'gesprekken.id',
      'gesprekken.child_id',
      'gesprekken.tool_id',
      'gesprekken.setting',
      'gesprekken.seq',
      'gesprekken.phase',
      'gesprekken.created_at',
      'children.organisation_id',
      'children.team_id',
    ])
    .where('gesprekken.id', '=', gesprekId)
    .executeTakeFirst()
  const allowed =
    row !== undefined &&
    (p.role === 'kind'
      ? p.kamer
        ? // Only the gesprekken of the kamer this visit opened: an earlier kamer stays behind its own PIN.
          row.child_id === p.childId && row.setting === 'kamer' && p.kamerId !== undefined && row.kamer_id === p.kamerId
        : p.gesprekId === row.id
      : p.organisationId === row.organisation_id && p.teamId === row.team_id)
  if (!allowed) throw new CodedError('not_found', 404)
  return row
}
