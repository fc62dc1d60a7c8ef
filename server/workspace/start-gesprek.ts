import { CodedError } from '../../dialogs/contract/errors'
import { findTool } from '../../dialogs/registry'
import type { AgeBand, Living } from '../../dialogs/contract/ids'
import type { GesprekHost } from '../gesprek/host'

/**
 * A new guided gesprek with one tool for one (already authorised) child. The werkvorm and its register
 * follow the development band the begeleider chose; the deelafspraak's words keep following the actual
 * age (docs/deelafspraak.md, "Two bands"). A tool that does not fit is `not_allowed_now`.
 */
export async function startGesprek(
  host: GesprekHost,
  child: { id: string; age_band: AgeBand; development_band: AgeBand | null; living: Living },
  toolId: string,
) {
  const tool = findTool(toolId)
  const ageBand = child.development_band ?? child.age_band
  if (!tool || !tool.ageBands.includes(ageBand) || !tool.settings.includes('begeleid'))
    throw new CodedError('not_allowed_now', 400)
  // The living situation is fixed now: the Stoplicht's places stay what they were when it started.
  const id = await host.create({
    childId: child.id,
    toolId: tool.id,
    setting: 'begeleid',
    ageBand,
    living: child.living,
    legalBand: child.age_band,
  })
  return { id, tool }
}
