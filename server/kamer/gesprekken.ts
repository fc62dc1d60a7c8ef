import { CATALOG } from '../../dialogs/catalog'
import { CodedError } from '../../dialogs/contract/errors'
import type { AgeBand, Living } from '../../dialogs/contract/ids'
import type { KamerOverview } from '../../dialogs/contract/kamer'
import type { KamerPrincipal } from '../auth/principal'
import type { Deps } from '../deps'
import type { GesprekHost } from '../gesprek/host'
import { LOCKS, withKeyedLock } from '../store/locks'

type OpenKamer = KamerPrincipal & { kamerId: string }

export const kamerToolsFor = (ageBand: AgeBand) =>
  CATALOG.filter((t) => t.settings.includes('kamer') && t.ageBands.includes(ageBand)).map((t) => t.id)

/** Every kamer gesprek of a child, of every kamer it had: what the begeleider may see of them is shared. */
const kamerGesprekken = (deps: Deps, childId: string) =>
  deps.db
    .selectFrom('gesprekken')
    .select(['id', 'tool_id'])
    .where('child_id', '=', childId)
    .where('setting', '=', 'kamer')
    .orderBy('created_at')
    .execute()

/** The gesprekken of one kamer: what the jongere sees in the kamer they opened. */
export const gesprekkenOfKamer = (deps: Deps, kamerId: string) =>
  deps.db
    .selectFrom('gesprekken')
    .innerJoin('kamer_gesprekken', 'kamer_gesprekken.gesprek_id', 'gesprekken.id')
    .select(['gesprekken.id', 'gesprekken.tool_id'])
    .where('kamer_gesprekken.kamer_id', '=', kamerId)
    .orderBy('gesprekken.created_at')
    .execute()

/** What the begeleider may see of a kamer: the one projection, per kamer gesprek. */
export async function sharedOf(deps: Deps, host: GesprekHost, childId: string) {
  const shared: KamerOverview['shared'] = []
  for (const g of await kamerGesprekken(deps, childId)) {
    const { view } = await host.view(g.id, 'begeleider')
    if (view.items.length > 0) shared.push({ gesprekId: g.id, toolId: g.tool_id, items: view.items })
  }
  return shared
}

/**
 * A new kamer gesprek, sealed under the open kamer's key (docs/kamer.md), with the begeleider's copy
 * (empty at first) written before anyone can see the gesprek.
 */
async function createSealed(
  deps: Deps,
  host: GesprekHost,
  p: OpenKamer,
  toolId: string,
  ageBand: AgeBand,
  living: Living,
) {
  const key = deps.kamerKeys.get(p.kamerId)
  if (!key) throw new CodedError('session_expired', 401)
  const id = await host.create({ childId: p.childId, toolId, setting: 'kamer', ageBand, living, sealWith: key })
  await deps.db
    .insertInto('kamer_gesprekken')
    .values({ gesprek_id: id, kamer_id: p.kamerId, sealed: 'kamer' })
    .execute()
  deps.kamerKeys.registerSealed(id, p.childId)
  const { seq, view } = await host.view(id, 'begeleider')
  const { view: oudergesprek } = await host.view(id, 'oudergesprek')
  await deps.kamerKeys.recordShared(id, p.childId, seq, { begeleider: view, oudergesprek })
  return id
}

/**
 * The kamer's gesprek with one tool, made on first use. One per tool: two taps on a slow phone must not
 * make two, on this node (`creating`) nor across nodes (the kamer's lock makes the second tap wait).
 */
export function kamerGesprekOpener(deps: Deps, host: GesprekHost) {
  const creating = new Map<string, Promise<string>>()
  return (p: OpenKamer, toolId: string): Promise<string> => {
    const key = `${p.childId}:${toolId}`
    let job = creating.get(key)
    if (!job) {
      job = withKeyedLock(deps.db, LOCKS.kamerGesprek, `${p.kamerId}:${toolId}`, async () => {
        const child = await deps.db
          .selectFrom('children')
          .select(['age_band', 'living'])
          .where('id', '=', p.childId)
          .executeTakeFirstOrThrow()
        if (!kamerToolsFor(child.age_band).includes(toolId)) throw new CodedError('not_allowed_now', 400)
        const existing = (await gesprekkenOfKamer(deps, p.kamerId)).find((g) => g.tool_id === toolId)
        if (existing) return existing.id
        return createSealed(deps, host, p, toolId, child.age_band, child.living)
      }).finally(() => creating.delete(key))
      creating.set(key, job)
    }
    return job
  }
}
