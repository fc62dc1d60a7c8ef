import { CodedError } from '../../dialogs/contract/errors'
import { AfscheidContactsBody, type MyContactsOut } from '../../dialogs/contract/method'
import { toolInfo } from '../../dialogs/catalog'
import type { DevicePrincipal, KamerPrincipal } from '../auth/principal'
import type { Deps } from '../deps'
import { latest } from './records'

/** A tool whose steps show the begeleider's contacts: the afscheid (dialogs/afscheid/steps.ts). */
const showsContacts = (toolId: string) => toolInfo(toolId)?.steps.some((s) => s.showsContacts) ?? false

/** The child's own screen, as `requireChildScreen` (server/http/bearer.ts) found it. */
type ChildScreen = { childId: string; kamer: KamerPrincipal } | { childId: string; device: DevicePrincipal }

/**
 * The contacts the begeleider entered for the afscheid, for the child's own screen (docs/method.md).
 * A jongere's own kamer always gets them: a 12-18 keeps the names and numbers on their phone, not only
 * in the farewell gesprek. A gesprek device gets them only as the child's own trusted device (ADR 0010)
 * of an afscheid: a second screen nobody approved gets nothing, another tool's gesprek an empty list.
 * The list is the begeleider's record, never the child's answers.
 */
export async function myContacts(deps: Deps, screen: ChildScreen): Promise<MyContactsOut> {
  if ('kamer' in screen) {
    const child = await deps.db
      .selectFrom('children')
      .select(['id', 'key_wrapped'])
      .where('id', '=', screen.childId)
      .where('key_wrapped', 'is not', null)
      .executeTakeFirst()
    if (!child) throw new CodedError('not_found', 404)
    const record = await latest(deps, child, 'contacten', AfscheidContactsBody)
    return { contacts: record?.body.contacts ?? [] }
  }
  const p = screen.device
  if (!p.trusted) throw new CodedError('not_found', 404)
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
