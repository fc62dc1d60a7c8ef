import { CodedError } from '../../dialogs/contract/errors'
import { AfscheidContactsBody, type MyContactsOut } from '../../dialogs/contract/method'
import { toolInfo } from '../../dialogs/catalog'
import type { KindPrincipal } from '../auth/principal'
import type { Deps } from '../deps'
import { latest } from './records'

/** A tool whose steps show the begeleider's contacts: the afscheid (dialogs/afscheid/steps.ts). */
const showsContacts = (toolId: string) => toolInfo(toolId)?.steps.some((s) => s.showsContacts) ?? false

/**
 * The contacts the begeleider entered for the afscheid, for the child's own screen in that gesprek
 * (docs/method.md). Only the child's own trusted device (ADR 0010) of a guided gesprek: a second screen
 * nobody approved, or a kamer, gets nothing. Another tool's gesprek gets an empty list: the numbers
 * are for the farewell. The list is the begeleider's record, never the child's answers.
 */
export async function myContacts(deps: Deps, p: KindPrincipal): Promise<MyContactsOut> {
  if (p.kamer || !p.trusted) throw new CodedError('not_found', 404)
  const row = await deps.db
    .selectFrom('gesprekken')
    .innerJoin('children', 'children.id', 'gesprekken.child_id')
    .select(['gesprekken.tool_id', 'children.id', 'children.key_wrapped'])
    .where('gesprekken.id', '=', p.gesprekId)
    .where('gesprekken.child_id', '=', p.childId)
    .where('children.key_wrapped', 'is not', null)
    .executeTakeFirst()
  if (!row) throw new CodedError('not_found', 404)
  if (!showsContacts(row.tool_id)) return { contacts: [] }
  const record = await latest(deps, row, 'contacten', AfscheidContactsBody)
  return { contacts: record?.body.contacts ?? [] }
}
