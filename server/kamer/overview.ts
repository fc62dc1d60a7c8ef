import type { KamerNotice, KamerOverview } from '../../dialogs/contract/kamer'
import { recordLooks } from '../audit/access-log'
import { KAMER_BANDS } from '../auth/kamer'
import type { BegeleiderPrincipal } from '../auth/principal'
import { iso } from '../clock'
import type { Deps } from '../deps'
import type { GesprekHost } from '../gesprek/host'
import { sharedOf } from './gesprekken'

/** The child a kamer token belongs to, valid or not: locking needs it to end that token's sockets. */
export async function kamerTokenChild(deps: Deps, tokenHash: string): Promise<string | undefined> {
  const row = await deps.db
    .selectFrom('kamer_tokens')
    .select('child_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
  return row?.child_id
}

/**
 * What the begeleider sees of one jongere's kamer: whether it is open, what was shared, and which of it
 * is new since this begeleider's last look. Each look is logged before anything is answered, so the
 * jongere's receipt shows it (docs/deelafspraak.md, access log).
 */
export async function kamerOverview(
  deps: Deps,
  host: GesprekHost,
  p: BegeleiderPrincipal,
  child: { id: string; age_band: string },
): Promise<KamerOverview> {
  const kamer = await deps.db
    .selectFrom('kamers')
    .select('id')
    .where('child_id', '=', child.id)
    .where((eb) => eb.or([eb('key_sealed', 'is not', null), eb('legacy_secret_hash', 'is not', null)]))
    .executeTakeFirst()
  const shared = await sharedOf(deps, host, child.id)
  const parts = shared.flatMap((s) => s.items.map((i) => ({ gesprekId: s.gesprekId, stepId: i.stepId })))
  await recordLooks(deps, { begeleiderId: p.begeleiderId, childId: child.id, what: 'gesprek' }, parts)
  const ids = shared.flatMap((s) => s.items.map((i) => i.id))
  const seen = await deps.db
    .selectFrom('kamer_seen')
    .select('item_ids')
    .where('child_id', '=', child.id)
    .where('begeleider_id', '=', p.begeleiderId)
    .executeTakeFirst()
  const before = new Set(seen ? (JSON.parse(seen.item_ids) as string[]) : [])
  await deps.db
    .insertInto('kamer_seen')
    .values({
      child_id: child.id,
      begeleider_id: p.begeleiderId,
      item_ids: JSON.stringify(ids),
      seen_at: iso(deps.clock),
    })
    .onConflict((oc) =>
      oc
        .columns(['child_id', 'begeleider_id'])
        .doUpdateSet({ item_ids: JSON.stringify(ids), seen_at: iso(deps.clock) }),
    )
    .execute()
  return {
    available: KAMER_BANDS.includes(child.age_band),
    open: Boolean(kamer),
    shared,
    newItemIds: ids.filter((id) => !before.has(id)),
  }
}

/** The caseload's "2 nieuw uit de kamer": per jongere of the team, the answers shared since the last look. */
export async function kamerNotices(deps: Deps, host: GesprekHost, p: BegeleiderPrincipal): Promise<KamerNotice[]> {
  // Cheap first: kamers of this team where the jongere changed a share since this begeleider looked.
  const candidates = await deps.db
    .selectFrom('children')
    .innerJoin('gesprekken', (j) =>
      j.onRef('gesprekken.child_id', '=', 'children.id').on('gesprekken.setting', '=', 'kamer'),
    )
    .innerJoin('gesprek_events', (j) =>
      j
        .onRef('gesprek_events.gesprek_id', '=', 'gesprekken.id')
        .on('gesprek_events.type', '=', 'share.set')
        .on('gesprek_events.actor_role', '=', 'kind'),
    )
    .leftJoin('kamer_seen', (j) =>
      j.onRef('kamer_seen.child_id', '=', 'children.id').on('kamer_seen.begeleider_id', '=', p.begeleiderId),
    )
    .select(['children.id', 'children.nickname', 'kamer_seen.item_ids'])
    .where('children.organisation_id', '=', p.organisationId)
    .where('children.team_id', '=', p.teamId)
    .where('children.key_wrapped', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('kamer_seen.seen_at', 'is', null),
        eb('gesprek_events.created_at', '>=', eb.ref('kamer_seen.seen_at')),
      ]),
    )
    .groupBy(['children.id', 'children.nickname', 'kamer_seen.item_ids'])
    .execute()
  // Then exact: is anything visible now that was not visible at the last look? (A take-back is not news.)
  const notices: KamerNotice[] = []
  for (const row of candidates) {
    const before = new Set(row.item_ids ? (JSON.parse(row.item_ids) as string[]) : [])
    const shared = await sharedOf(deps, host, row.id)
    const count = shared.reduce((n, s) => n + s.items.filter((i) => !before.has(i.id)).length, 0)
    if (count > 0) notices.push({ childId: row.id, nickname: row.nickname, count })
  }
  return notices
}
