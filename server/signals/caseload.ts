import type { CaseloadSignalsOut } from '../../dialogs/contract/signals'
import type { BegeleiderPrincipal } from '../auth/principal'
import type { Deps } from '../deps'
import type { GesprekHost } from '../gesprek/host'
import { childSignals } from './signals'

/** The caseload row's signals, per open child of the begeleider's team: types in words and counts, never an answer. */
export async function caseloadSignals(
  deps: Deps,
  host: GesprekHost,
  p: BegeleiderPrincipal,
): Promise<CaseloadSignalsOut> {
  const children = await deps.db
    .selectFrom('children')
    .select('id')
    .where('organisation_id', '=', p.organisationId)
    .where('team_id', '=', p.teamId)
    .where('key_wrapped', 'is not', null)
    .where('closed_at', 'is', null)
    .execute()
  const out: CaseloadSignalsOut = { children: {} }
  for (const { id } of children) {
    const s = await childSignals(deps, host, id)
    const open = s.signals.filter((x) => x.status !== 'besproken')
    if (open.length === 0 && s.talk.length === 0) continue
    out.children[id] = {
      types: [...new Set(open.map((x) => x.type))],
      open: open.length,
      late: open.filter((x) => x.status === 'te-laat').length,
      talk: s.talk.length,
    }
  }
  return out
}
