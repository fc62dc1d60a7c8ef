import type { GesprekView } from '../../dialogs/contract/view'
import type { Audience } from '../../dialogs/sharing'
import { CodedError } from '../../dialogs/contract/errors'
import type { Deps } from '../deps'
import type { GesprekHost } from '../gesprek/host'

export type ProjectedGesprek = {
  id: string
  toolId: string
  setting: string
  createdAt: string
  phase: string
  view: GesprekView
}

/**
 * Every gesprek of one (already authorised) child, oldest first, as one audience may see it.
 * Goes through the host's view, i.e. through dialogs/projection.ts: nothing here reads items around it.
 */
export async function projectedGesprekken(
  deps: Deps,
  host: GesprekHost,
  childId: string,
  audience: Exclude<Audience, 'kind'>,
  since?: string,
): Promise<ProjectedGesprek[]> {
  let q = deps.db
    .selectFrom('gesprekken')
    .select(['id', 'tool_id', 'setting', 'created_at', 'phase'])
    .where('child_id', '=', childId)
  if (since) q = q.where('created_at', '>=', since)
  const rows = await q.orderBy('created_at').orderBy('id').execute()
  const out: ProjectedGesprek[] = []
  for (const r of rows) {
    try {
      const { view } = await host.view(r.id, audience)
      out.push({ id: r.id, toolId: r.tool_id, setting: r.setting, createdAt: r.created_at, phase: r.phase, view })
    } catch (err) {
      // A gesprek of a tool this build no longer knows is left out, not allowed to break the page.
      if (!(err instanceof CodedError) || err.code !== 'not_found') throw err
    }
  }
  return out
}
