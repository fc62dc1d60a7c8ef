import type { DeviceBook } from '../../dialogs/projection'
import { deviceIdOf } from '../auth/join-codes'
import { iso } from '../clock'
import type { Deps } from '../deps'
import { hashToken } from '../ids'

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
  await deps.revocations.publish({ type: 'gesprek', gesprekId, reason: 'expired' })
}

/** One device token ends (the child said no, or its join could not be logged). */
export async function revokeDevice(deps: Deps, token: string): Promise<void> {
  const tokenHash = hashToken(token)
  await revokeDeviceByHash(deps, tokenHash)
}

export async function revokeDeviceByHash(deps: Deps, tokenHash: string): Promise<void> {
  await deps.db
    .updateTable('device_tokens')
    .set({ revoked_at: iso(deps.clock) })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute()
  await deps.revocations.publish({ type: 'token', tokenHash, reason: 'locked' })
}

/** `strangers`: how many items a device made that is not the child's own (mostly none). */
type Ledger = { trusted: Set<string>; authors: Map<string, string>; strangers: number }
const strangersIn = (authors: Map<string, string>, trusted: Set<string>) => {
  let n = 0
  for (const d of authors.values()) if (!trusted.has(d)) n++
  return n
}

/**
 * Per gesprek: which devices are the child's own and which device added which item (ids only, from the
 * device tokens and the event rows). Cached; the host and the approval keep it current.
 */
export class DeviceLedger {
  private cache = new Map<string, Promise<Ledger>>()
  constructor(private readonly deps: Deps) {}

  entry(gesprekId: string): Promise<Ledger> {
    let hit = this.cache.get(gesprekId)
    if (!hit) {
      hit = this.load(gesprekId)
      hit.catch(() => this.cache.delete(gesprekId))
      if (this.cache.size >= 5000) this.cache.delete(this.cache.keys().next().value!)
      this.cache.set(gesprekId, hit)
    }
    return hit
  }

  async book(gesprekId: string): Promise<DeviceBook> {
    const e = await this.entry(gesprekId)
    return { authorOf: (id) => e.authors.get(id), isTrusted: (d) => e.trusted.has(d), onlyOwn: e.strangers === 0 }
  }

  noteItem(gesprekId: string, itemId: string, deviceId: string): void {
    void this.cache.get(gesprekId)?.then((e) => {
      e.authors.set(itemId, deviceId)
      if (!e.trusted.has(deviceId)) e.strangers++
    })
  }

  /** Another node may have changed it (a commit or an approval there): read it again when next needed. */
  forget(gesprekId: string): void {
    this.cache.delete(gesprekId)
  }

  noteTrusted(gesprekId: string, deviceId: string): void {
    void this.cache.get(gesprekId)?.then((e) => {
      e.trusted.add(deviceId)
      e.strangers = strangersIn(e.authors, e.trusted)
    })
  }

  private async load(gesprekId: string): Promise<Ledger> {
    const devices = await this.deps.db
      .selectFrom('device_tokens')
      .select(['device_id', 'token_hash'])
      .where('gesprek_id', '=', gesprekId)
      .where('trusted', '=', 1)
      .execute()
    const items = await this.deps.db
      .selectFrom('gesprek_events')
      .select(['item_id', 'actor_device'])
      .where('gesprek_id', '=', gesprekId)
      .where('type', '=', 'item.add')
      .where('actor_device', 'is not', null)
      .execute()
    const trusted = new Set(devices.map(deviceIdOf))
    const authors = new Map(items.flatMap((i) => (i.item_id && i.actor_device ? [[i.item_id, i.actor_device]] : [])))
    return { trusted, authors, strangers: strangersIn(authors, trusted) }
  }
}
