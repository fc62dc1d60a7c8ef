import { Hono } from 'hono'
import { ReceiptOut } from '../../../dialogs/contract/receipt'
import { receiptFor } from '../../audit/access-log'
import type { Deps } from '../../deps'
import { requireKind } from '../bearer'
import type { Env } from '../context'

/**
 * The child's receipt (issue: deelafspraak): who looked at their gesprekken, when, through what.
 * Scoped by the device token alone: a child sees their own log lines and no one else's.
 */
export function receiptRoutes(deps: Deps) {
  return new Hono<Env>().get('/', async (c) => {
    const p = await requireKind(c)
    const entries = await receiptFor(deps, p.childId)
    // Parsed on the way out too: the contract is the promise that no other field (content) slips in.
    return c.json(ReceiptOut.parse({ entries }))
  })
}
