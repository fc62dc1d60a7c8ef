import { CodedError } from '../../dialogs/contract/errors'
import { mayRoleSend, type GesprekEvent, type Operator } from '../../dialogs/framework/events'
import { deviceOwnsItem, type DeviceBook } from '../../dialogs/projection'
import type { Setting } from '../../dialogs/sharing'
import type { Deps } from '../deps'
import { gesprekFor } from './access'
import type { Principal } from './principal'

/** What authorisation needs of the gesprek, once the principal is known to reach it. */
export type CommandSite = {
  tool: { operator: Operator }
  snapshot: { context: { setting: Setting } }
}

/**
 * Whether this principal may send this event to this gesprek now: every check of who may send what, in
 * one place and in this order (docs/security.md, "Who may send a command"). Throws the stable code of the
 * first check that fails; nothing is stored then.
 *
 * 1. The principal reaches the gesprek (`not_found`, the same answer as for a gesprek that does not exist).
 * 2. Its role may send this event in this tool (`forbidden`): only the child sets a level; a begeleider
 *    sends notes and worry marks; the other events belong to whoever operates the tool.
 * 3. A child device acts only as its standing allows (ADR 0010): a later screen the child has not
 *    approved adds items and looks after its own (`device_pending`); no device touches another group's
 *    items (`forbidden`).
 * 4. No begeleider note in a jongere's own kamer (`forbidden`, docs/kamer.md).
 *
 * `load` is called only after the first check, so a gesprek out of reach is never read; the gesprek
 * host calls this inside its one-at-a-time queue, so the device check sees every item committed before.
 */
export async function authorizeCommand<G extends CommandSite>(
  deps: Deps,
  command: { principal: Principal; gesprekId: string; event: GesprekEvent },
  load: () => Promise<G>,
  book: () => Promise<DeviceBook>,
): Promise<G> {
  const { principal, gesprekId, event } = command
  await reaches(deps, principal, gesprekId)
  const g = await load()
  if (!mayRoleSend(principal.role, g.tool.operator, event.type)) throw new CodedError('forbidden', 403)
  if (principal.role === 'kind' && !principal.kamer) {
    const standing = { deviceId: principal.deviceId, trusted: principal.trusted }
    if (!standing.trusted && !PENDING_MAY_SEND.includes(event.type)) throw new CodedError('device_pending', 403)
    const itemIds = itemsActedOn(event)
    if (itemIds.length > 0) {
      const devices = await book()
      if (!itemIds.every((id) => deviceOwnsItem(standing, id, devices)))
        throw new CodedError(standing.trusted ? 'forbidden' : 'device_pending', 403)
    }
  }
  if (event.type === 'note.add' && principal.role === 'begeleider' && g.snapshot.context.setting === 'kamer')
    throw new CodedError('forbidden', 403)
  return g
}

/** An unapproved device adds and looks after its own items; it does not steer or end the child's gesprek. */
const PENDING_MAY_SEND: readonly GesprekEvent['type'][] = ['item.add', 'item.update', 'item.remove', 'share.set']

/** The existing items an event changes, removes or re-levels. */
function itemsActedOn(event: GesprekEvent): readonly string[] {
  if (event.type === 'share.set') return event.itemIds
  if (event.type === 'item.update' || event.type === 'item.remove') return [event.itemId]
  return []
}

/**
 * Gesprekken a token principal was found to reach. A device or kamer token is bound to its gesprek or
 * kamer for good, so one look in the database answers for as long as that principal object lives (a
 * re-check makes a new one, which starts empty). A begeleider is looked up on every command: a child can
 * move to another team at any moment.
 */
const reached = new WeakMap<Principal, Set<string>>()

async function reaches(deps: Deps, p: Principal, gesprekId: string): Promise<void> {
  if (p.role === 'kind' && reached.get(p)?.has(gesprekId)) return
  await gesprekFor(deps, p, gesprekId)
  if (p.role !== 'kind') return
  let seen = reached.get(p)
  if (!seen) reached.set(p, (seen = new Set()))
  seen.add(gesprekId)
}

/** Only a screen the child already holds says yes or no to another one (ADR 0010). */
export function authorizeDeviceAnswer(p: Principal, gesprekId: string): void {
  if (p.role !== 'kind' || p.kamer || !p.trusted || p.gesprekId !== gesprekId) throw new CodedError('forbidden', 403)
}
