import { CodedError } from '../../dialogs/contract/errors'
import type { GesprekView } from '../../dialogs/contract/view'
import type { Audience } from '../../dialogs/sharing'
import type { Clock } from '../clock'
import type { Sealing } from '../gesprek/host'
import type { Logger } from '../log'
import { errorFields } from '../log'
import type { Db } from '../store/db'
import type { ChildKeys } from './keys'
import { open, seal } from './seal'

const sharedAad = (gesprekId: string) => `${gesprekId}:kamer-shared`

/** The projections of a kamer gesprek for the audiences other than the jongere. */
export type SharedViews = { begeleider: GesprekView; oudergesprek: GesprekView }

/**
 * The data keys of the kamers that are open on this node, and the gesprek host's Sealing hook
 * (docs/kamer.md). A kamer's gesprekken are sealed under its data key, which only the PIN (at open)
 * or the open visit's own token unseals; it is held here only while that visit's token is valid.
 * What the jongere shares is copied, sealed under the child key, to `kamer_shared`: that copy is all
 * the begeleider, the admin and every export ever read of a PIN-sealed kamer.
 */
export class KamerKeys implements Sealing {
  private readonly open = new Map<string, { key: Buffer; tokenHash: string; childId: string }>()
  private readonly writes = new Map<string, Promise<void>>()
  /** PIN-sealed kamer gesprekken seen with their key, and their child: their commits refresh the copy. */
  private readonly sealedGesprekken = new Map<string, string>()
  /** Set by the composition root: drops decrypted gesprekken of a kamer that closed. */
  onClosed: (childId: string) => void = () => undefined

  constructor(
    private readonly db: Db,
    private readonly keys: ChildKeys,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** An open visit: the kamer's key, for as long as `tokenHash` is the visit's token. */
  remember(kamerId: string, childId: string, tokenHash: string, key: Buffer): void {
    this.open.set(kamerId, { key, tokenHash, childId })
  }

  get(kamerId: string): Buffer | undefined {
    return this.open.get(kamerId)?.key
  }

  /** A token ended (lock, idle, a new visit elsewhere): its kamer's key leaves memory. */
  forgetToken(tokenHash: string): void {
    for (const [kamerId, e] of this.open)
      if (e.tokenHash === tokenHash) {
        this.open.delete(kamerId)
        this.onClosed(e.childId)
      }
  }

  async keyFor(g: { id: string; childId: string; setting: string }): Promise<Buffer | null | 'closed'> {
    if (g.setting !== 'kamer') return null
    const row = await this.db
      .selectFrom('kamer_gesprekken')
      .select(['kamer_id', 'sealed'])
      .where('gesprek_id', '=', g.id)
      .executeTakeFirst()
    // A kamer gesprek that belongs to no kamer is read by nobody.
    if (!row) return 'closed'
    if (row.sealed === 'child') return null
    const key = this.open.get(row.kamer_id)?.key
    if (!key) return 'closed'
    this.registerSealed(g.id, g.childId)
    return key
  }

  registerSealed(gesprekId: string, childId: string): void {
    if (this.sealedGesprekken.size > 20_000) this.sealedGesprekken.clear()
    this.sealedGesprekken.set(gesprekId, childId)
  }

  /** The child of a PIN-sealed kamer gesprek, if this node has seen it with its key. */
  sealedChild(gesprekId: string): string | undefined {
    return this.sealedGesprekken.get(gesprekId)
  }

  async closedView(gesprekId: string, audience: Audience): Promise<{ seq: number; view: GesprekView }> {
    const row = await this.db
      .selectFrom('kamer_shared')
      .innerJoin('gesprekken', 'gesprekken.id', 'kamer_shared.gesprek_id')
      .innerJoin('children', 'children.id', 'gesprekken.child_id')
      .select(['kamer_shared.seq', 'kamer_shared.view_enc', 'children.id as child_id', 'children.key_wrapped'])
      .where('kamer_shared.gesprek_id', '=', gesprekId)
      .executeTakeFirst()
    if (!row?.key_wrapped) throw new CodedError('not_found', 404)
    const key = this.keys.unwrap(row.child_id, row.key_wrapped)
    const views = JSON.parse(open(key, row.view_enc, sharedAad(gesprekId))) as SharedViews
    // The oudergesprek gets its own, narrower projection; everyone else at most what the begeleider sees.
    return { seq: row.seq, view: audience === 'oudergesprek' ? views.oudergesprek : views.begeleider }
  }

  /**
   * Keeps the begeleider's copy of a PIN-sealed kamer gesprek up to date after a commit. In order per
   * gesprek, and never backwards: a late write of an older seq is dropped.
   */
  recordShared(gesprekId: string, childId: string, seq: number, views: SharedViews): Promise<void> {
    const previous = this.writes.get(gesprekId) ?? Promise.resolve()
    const next = previous.then(async () => {
      const child = await this.db
        .selectFrom('children')
        .select('key_wrapped')
        .where('id', '=', childId)
        .executeTakeFirst()
      if (!child?.key_wrapped) return
      const viewEnc = seal(this.keys.unwrap(childId, child.key_wrapped), JSON.stringify(views), sharedAad(gesprekId))
      const at = new Date(this.clock.now()).toISOString()
      await this.db
        .insertInto('kamer_shared')
        .values({ gesprek_id: gesprekId, seq, view_enc: viewEnc, updated_at: at })
        .onConflict((oc) =>
          oc
            .column('gesprek_id')
            .doUpdateSet({ seq, view_enc: viewEnc, updated_at: at })
            .where('kamer_shared.seq', '<', seq),
        )
        .execute()
    })
    const tail = next.catch((err: unknown) => this.log.error('kamer shared copy failed', errorFields(err)))
    this.writes.set(gesprekId, tail)
    void tail.then(() => {
      if (this.writes.get(gesprekId) === tail) this.writes.delete(gesprekId)
    })
    return next
  }
}
