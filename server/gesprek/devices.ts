import { iso } from '../clock'
import type { Deps } from '../deps'

/** Phases after which a guided gesprek's child devices see nothing any more (ADR 0010). */
export const DEVICE_END_PHASES: readonly string[] = ['gestopt', 'afgerond']

/**
 * The end of a guided gesprek (the child stopped, or the last step is done): every child device token
 * of it is revoked, and the notice ends their open screens. A tablet left on the table shows nothing.
 */
export async function endGesprekDevices(deps: Deps, gesprekId: string): Promise<void> {
  await deps.db
    .updateTable('device_tokens')
    .set({ revoked_at: iso(deps.clock) })
    .where('gesprek_id', '=', gesprekId)
    .where('revoked_at', 'is', null)
    .execute()
  await deps.revocations.publish({ kind: 'gesprek', gesprekId, reason: 'expired' })
}
