import { sql } from 'kysely'
import { createActor, initialTransition, type ActorScope } from 'xstate'
import { CodedError } from '../../dialogs/contract/errors'
import type { AgeBand, Living } from '../../dialogs/contract/ids'
import type { GesprekView } from '../../dialogs/contract/view'
import type { ToolMachine } from '../../dialogs/framework/build'
import type { GesprekEvent } from '../../dialogs/framework/events'
import { replay, restoreSnapshot, stateOf, type ToolSnapshot } from '../../dialogs/framework/snapshot'
import type { ToolDef } from '../../dialogs/framework/tool'
import { toView, viewHead, type ViewHead } from '../../dialogs/framework/view'
import { AUDIENCES, type Audience, type Setting } from '../../dialogs/sharing'
import { authorizeCommand } from '../auth/commands'
import type { Principal } from '../auth/principal'
import { iso } from '../clock'
import { open, seal } from '../crypto/seal'
import { toolForNewGesprek, toolOfGesprek } from '../tools/gesprek-tool'
import type { Deps } from '../deps'
import { newId } from '../ids'
import { errorFields } from '../log'
import { checkEventBounds, checkEventRules, checkSnapshotBounds, MAX_SNAPSHOT_CHARS } from './bounds'
import { DeviceLedger } from './devices'
import { GroupCommit, type CommitStats } from './group-commit'

type Snapshot = ToolSnapshot
type Loaded = {
  id: string
  tool: ToolDef
  childId: string
  key: Buffer
  snapshot: Snapshot
  seq: number
  /** The seq the stored snapshot folds up to; the events after it are in the log only. */
  snapshotSeq: number
  /** An upper bound on the stored snapshot's length now (exact at every stored snapshot). */
  snapshotChars: number
  /**
   * Every clientMsgId of this gesprek with the seqs after it: the duplicate check needs no read before
   * the commit, and a duplicate is acked in its sender's units (ADR 0050).
   */
  msgSeqs: Map<string, Seqs>
  /** The child's view head of the current snapshot, made once per command for every audience. */
  head: ViewHead | null
  /** The seq of every audience but the child's: how many events changed what they see (ADR 0050). */
  shownSeq: number
  /** Per child device, its events that changed nothing the others see (never changed in place: copied). */
  unshownBy: ReadonlyMap<string, number>
  /** Those audiences' views at `seq`, to tell whether the next event changes them (each made when first needed). */
  shownViews: OthersViews | null
  /** The snapshot before the last command's: the child's view is made from its projection (ADR 0155). */
  before: Snapshot | null
}

/**
 * Who is told a seq: an audience, or a later screen of the child's that the child has not approved yet
 * (ADR 0010), named by its device id. That screen sees what a begeleider sees plus its own items, so it
 * counts what the begeleider's seq counts plus its own edits that nobody else sees (ADR 0050).
 */
export type SeqReader = Audience | { pending: string }
/** The seq a reader is told: the child's counts every event, the others only what they could see. */
export type SeqFor = (reader: SeqReader) => number
/** `seq` is the child's (every event); `seqFor` gives each reader's own (ADR 0050). */
export type CommandResult = { seq: number; shownSeq: number; seqFor: SeqFor; duplicate: boolean }
/** The counts after one event; every reader's seq follows from them. */
type Seqs = { seq: number; shownSeq: number; unshownBy: ReadonlyMap<string, number> }

/**
 * Which key seals a gesprek (docs/kamer.md). null: the child's key, as for every guided gesprek.
 * 'closed': sealed under a key this server does not hold right now (a kamer whose jongere is not in
 * it); then only `closedView`, the copy of what was shared, can be shown.
 */
export type Sealing = {
  keyFor(g: { id: string; childId: string; setting: string }): Promise<Buffer | null | 'closed'>
  closedView(gesprekId: string, audience: Audience): Promise<{ seq: number; view: GesprekView }>
}
/**
 * `viewFor` is memoised per audience and shares one head: an audience nobody watches costs nothing.
 * `viewBefore`: an audience's view just before this commit, when this node made it (not after another
 * node's commit): what changed is the span between their unchanged ends (`changedSpan`), so a listener
 * need not look at every answer of a long gesprek again.
 */
export type CommittedListener = (
  gesprekId: string,
  seq: number,
  viewFor: (audience: Audience) => GesprekView,
  seqFor: SeqFor,
  viewBefore?: (audience: Exclude<Audience, 'kind'>) => GesprekView,
) => void

const OTHERS = AUDIENCES.filter((a) => a !== 'kind')
/**
 * What every audience but the child's sees of one snapshot, each view made when first asked for: once
 * one audience's view changed, the others need not be projected to know that the event was shown (they
 * are made later only if a screen of theirs, or the next command's comparison, asks).
 */
class OthersViews {
  private readonly views: (GesprekView | undefined)[] = []
  constructor(
    private readonly tool: ToolDef,
    private readonly snapshot: Snapshot,
    private readonly head: ViewHead,
    /** The snapshot this one came from, whose views were made first (the projection's shortcut). */
    private readonly since?: Snapshot,
  ) {}
  get(i: number): GesprekView {
    return (this.views[i] ??= toView(this.tool, this.snapshot, OTHERS[i]!, this.head, this.since))
  }
}
const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)
const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((e, i) => sameJson(e, b[i]))
/**
 * Whether two views show the same. Unchanged items and notes are the same objects (the projection keeps
 * them), so this is a pass over pointers; only a changed object is compared by its content, so the
 * answer is the same as comparing the whole views' JSON, at a cost flat in the gesprek's length.
 */
function sameView(a: GesprekView, b: GesprekView): boolean {
  const { items: ai, notes: an, traces: at, ...ah } = a
  const { items: bi, notes: bn, traces: bt, ...bh } = b
  return sameList(ai, bi) && sameList(an, bn) && sameJson(at, bt) && sameJson(ah, bh)
}
const seqsOf =
  ({ seq, shownSeq, unshownBy }: Seqs): SeqFor =>
  (reader) =>
    reader === 'kind' ? seq : typeof reader === 'string' ? shownSeq : shownSeq + (unshownBy.get(reader.pending) ?? 0)
/** One more unshown event of `deviceId`: a new map, so the counts a listener or a message holds stay as they were. */
const countUnshown = (unshownBy: ReadonlyMap<string, number>, deviceId: string) =>
  new Map(unshownBy).set(deviceId, (unshownBy.get(deviceId) ?? 0) + 1)

/**
 * A fresh snapshot is stored every this many events, and at every pause or stop; loading replays at
 * most this many events from the log (docs/decisions/0025).
 */
export const SNAPSHOT_EVERY = 64
/** Gesprekken kept in memory; the least recently used one is dropped beyond this. */
const LOADED_MAX = 20_000
/**
 * What one event can add to the stored snapshot beyond its own JSON (the item's share, worry, chosen,
 * step and the machine's bookkeeping), with room to spare: the running estimate stays an upper bound.
 */
const SNAPSHOT_GROWTH_PER_EVENT = 512

const snapshotAad = (gesprekId: string) => `${gesprekId}:snapshot`
const eventAad = (gesprekId: string, seq: number) => `${gesprekId}:${seq}:event`
const phaseOf = (s: Snapshot) => stateOf(s).phase

/**
 * One inert actor scope per machine, reused: XState's `transition()` builds a throwaway actor (and a
 * system) on every call, which was half of XState's cost. Our machines only assign (no spawn, no
 * effects), so nothing a transition does outlives it in the scope.
 */
const scopes = new WeakMap<ToolMachine, ActorScope<Snapshot, GesprekEvent>>()
export function step(machine: ToolMachine, snapshot: Snapshot, event: GesprekEvent): Snapshot {
  let scope = scopes.get(machine)
  if (!scope) {
    const self = createActor(machine, { input: { ageBand: '8-12', setting: 'begeleid' } })
    scope = {
      self,
      defer: () => undefined,
      id: '',
      logger: () => undefined,
      sessionId: '',
      stopChild: () => undefined,
      system: self.system,
      emit: () => undefined,
      actionExecutor: () => undefined,
    }
    scopes.set(machine, scope)
  }
  ;(scope.self as unknown as { _snapshot: Snapshot })._snapshot = snapshot
  return machine.transition(snapshot, event, scope as never)
}

/**
 * The server-authoritative gesprek host (architecture: the one path every answer takes).
 * Commands for one gesprek run one at a time; each is stored durably before it is acked or shown.
 */
export class GesprekHost {
  private loaded = new Map<string, Loaded>()
  private queues = new Map<string, Promise<unknown>>()
  private listeners: CommittedListener[] = []
  private inFlight = 0
  private idleWaiters: (() => void)[] = []
  private closed = false

  private readonly commits: GroupCommit
  /** Which child devices are the child's own, and who added which item (ADR 0010). */
  readonly devices: DeviceLedger

  constructor(
    private readonly deps: Deps,
    private readonly sealing?: Sealing,
  ) {
    this.commits = new GroupCommit(deps.db)
    this.devices = new DeviceLedger(deps)
  }

  /** Where the commits' time went since the start (benchmarks; counts and times, never content). */
  commitStats(): CommitStats {
    return this.commits.stats()
  }

  onCommitted(listener: CommittedListener): void {
    this.listeners.push(listener)
  }

  /** `sealWith`: a key other than the child's (a kamer's, docs/kamer.md); the Sealing hook finds it again. */
  async create(input: {
    childId: string
    toolId: string
    setting: Setting
    ageBand: AgeBand
    /** The child's actual age band when the gesprek runs in a development band apart from it. */
    legalBand?: AgeBand
    /** The child's living situation now; the gesprek keeps it (a later change does not move it). */
    living?: Living
    sealWith?: Buffer
  }): Promise<string> {
    // The organisation's current version of the tool (ADR 0075); the built-in for the others.
    const { tool, versionId } = await toolForNewGesprek(this.deps, input.childId, input.toolId)
    if (!tool.settings.includes(input.setting) || !tool.ageBands.includes(input.ageBand))
      throw new CodedError('not_allowed_now', 400)
    const id = newId()
    const key = input.sealWith ?? (await this.childKey(input.childId))
    const legalBand = input.legalBand && input.legalBand !== input.ageBand ? input.legalBand : null
    const [snapshot] = initialTransition(tool.machine, {
      ageBand: input.ageBand,
      legalBand: legalBand ?? undefined,
      setting: input.setting,
      ...(input.living ? { living: input.living } : {}),
    })
    await this.deps.db
      .insertInto('gesprekken')
      .values({
        id,
        child_id: input.childId,
        tool_id: tool.id,
        tool_version: tool.version,
        tool_version_id: versionId,
        setting: input.setting,
        age_band: input.ageBand,
        legal_band: legalBand,
        living: input.living ?? null,
        seq: 0,
        phase: phaseOf(snapshot),
        snapshot_enc: seal(key, JSON.stringify(tool.machine.getPersistedSnapshot(snapshot)), snapshotAad(id)),
        snapshot_seq: 0,
        created_at: iso(this.deps.clock),
        updated_at: iso(this.deps.clock),
      })
      .execute()
    return id
  }

  /**
   * Runs one command through: who may send it → dedupe → machine.can → durable append → ack → broadcast.
   * `ack` is called once the command is durable and before anyone is shown it (docs/architecture.md,
   * the path of one answer); a duplicate is acked with the seq it had, and shows nothing new.
   */
  command(
    principal: Principal,
    gesprekId: string,
    clientMsgId: string,
    event: GesprekEvent,
    ack: (result: CommandResult) => void = () => undefined,
  ): Promise<CommandResult> {
    // Shutting down: the client keeps the command and retries it on the next server (docs/operations.md, SIGTERM).
    if (this.closed) return Promise.reject(new CodedError('server_busy', 503))
    // A worry mark carries the server's time, never the client's: "zorg gemarkeerd op …" survives a retraction.
    if (event.type === 'worry.mark') event = { ...event, at: iso(this.deps.clock) }
    return this.serial(gesprekId, async () => {
      // Who may send this, all in one place; the gesprek is read only once the principal reaches it.
      const g = await authorizeCommand(
        this.deps,
        { principal, gesprekId, event },
        () => this.load(gesprekId),
        () => this.devices.book(gesprekId),
      )
      const role = principal.role
      const earlier = g.msgSeqs.get(clientMsgId)
      if (earlier !== undefined) {
        const result = { seq: earlier.seq, shownSeq: earlier.shownSeq, seqFor: seqsOf(earlier), duplicate: true }
        ack(result)
        return result
      }
      const device = principal.role === 'kind' && !principal.kamer ? principal : null
      checkEventBounds(g.snapshot.context, event)
      checkEventRules(g.tool, g.snapshot.context, event)
      // One pass through the machine: a transition taken makes a new snapshot, so only an unchanged one
      // asks `can` (which would select the transitions, guards and all, a second time).
      const next = step(g.tool.machine, g.snapshot, event)
      if (next === g.snapshot && !g.snapshot.can(event)) throw new CodedError('not_allowed_now', 409)
      const seq = g.seq + 1
      const phase = phaseOf(next)
      // At a pause or stop the gesprek may rest for weeks: store where it is, so a load replays nothing.
      const snapshotNow = seq - g.snapshotSeq >= SNAPSHOT_EVERY || (phase !== 'actief' && phase !== phaseOf(g.snapshot))
      // Whether anyone but the child sees a difference: only then does their seq move (ADR 0050).
      const nextHead = viewHead(g.tool, next)
      const shownBefore = (g.shownViews ??= new OthersViews(g.tool, g.snapshot, this.headOf(g)))
      const shownAfter = new OthersViews(g.tool, next, nextHead, g.snapshot)
      const shown = OTHERS.every((_, i) => sameView(shownBefore.get(i), shownAfter.get(i))) ? 0 : 1
      const actorId = principal.role === 'kind' ? principal.childId : principal.begeleiderId
      const at = iso(this.deps.clock)
      const eventJson = JSON.stringify(event)
      // The snapshot's size bound without serialising it on every command: an upper-bound estimate,
      // measured exactly only when the estimate comes near the bound (and whenever a snapshot is stored).
      let snapshotEnc: string | undefined
      let chars = g.snapshotChars + eventJson.length + SNAPSHOT_GROWTH_PER_EVENT
      if (snapshotNow || chars > MAX_SNAPSHOT_CHARS) {
        const persisted = JSON.stringify(g.tool.machine.getPersistedSnapshot(next))
        checkSnapshotBounds(persisted)
        chars = persisted.length
        if (snapshotNow) snapshotEnc = seal(g.key, persisted, snapshotAad(gesprekId))
      }
      await this.commits.write({
        event: {
          gesprek_id: gesprekId,
          seq,
          client_msg_id: clientMsgId,
          actor_role: role,
          actor_id: actorId,
          type: event.type,
          event_enc: seal(g.key, eventJson, eventAad(gesprekId, seq)),
          created_at: at,
          // Which device sent it, and the new item's id: ids only, so a device's own items are known.
          actor_device: device?.deviceId ?? null,
          item_id: event.type === 'item.add' ? event.item.id : null,
          shown,
        },
        gesprek: {
          id: gesprekId,
          fromSeq: g.seq,
          toSeq: seq,
          toolVersion: g.tool.version,
          phase,
          ...(snapshotEnc ? { snapshotEnc } : {}),
          at,
        },
      })
      if (device && event.type === 'item.add') this.devices.noteItem(gesprekId, event.item.id, device.deviceId)
      g.before = g.snapshot
      g.snapshot = next
      g.seq = seq
      g.head = nextHead
      if (snapshotNow) g.snapshotSeq = seq
      g.snapshotChars = chars
      g.shownSeq += shown
      if (!shown && device) g.unshownBy = countUnshown(g.unshownBy, device.deviceId)
      g.shownViews = shownAfter
      const seqs: Seqs = { seq, shownSeq: g.shownSeq, unshownBy: g.unshownBy }
      g.msgSeqs.set(clientMsgId, seqs)
      const result = { seq, shownSeq: g.shownSeq, seqFor: seqsOf(seqs), duplicate: false }
      ack(result)
      this.publish(g, shownBefore)
      return result
    }).catch((err: unknown) => {
      // A failed commit may leave our cached state ahead of or behind the database: reload next time.
      if (!(err instanceof CodedError) || err.code === 'conflict') this.loaded.delete(gesprekId)
      throw err
    })
  }

  /**
   * The whole view of one audience now (a join's answer; the frames after it are patches on it), with
   * the seq its reader is told: a later screen not yet approved reads the child's view in its own seq.
   */
  async view(
    gesprekId: string,
    audience: Audience,
    reader: SeqReader = audience,
  ): Promise<{ seq: number; view: GesprekView }> {
    return this.serial(gesprekId, async () => {
      if (!this.loaded.has(gesprekId) && this.sealing) {
        const row = await this.row(gesprekId)
        const key = await this.sealing.keyFor({ id: row.id, childId: row.child_id, setting: row.setting })
        if (key === 'closed') return this.sealing.closedView(gesprekId, audience)
      }
      const g = await this.load(gesprekId)
      return { seq: seqsOf(g)(reader), view: toView(g.tool, g.snapshot, audience, this.headOf(g)) }
    })
  }

  /** Folds the whole stored event log through the machine (architecture rule 4: the log is the truth). */
  async replay(gesprekId: string): Promise<{ persisted: unknown; seq: number }> {
    const row = await this.row(gesprekId)
    const tool = await toolOfGesprek(this.deps, row)
    const key = await this.sealKey(row)
    const events = await this.eventsAfter(gesprekId, key, 0)
    // The framework's own fold, not the host's transition path: a check on the one, by the other.
    const snapshot = replay(
      tool,
      {
        ageBand: row.age_band,
        legalBand: row.legal_band ?? undefined,
        setting: row.setting,
        ...(row.living ? { living: row.living } : {}),
      },
      events.map((e) => e.event),
    )
    return { persisted: tool.machine.getPersistedSnapshot(snapshot), seq: events.at(-1)?.seq ?? 0 }
  }

  /**
   * The state as loading rebuilds it: the stored snapshot, decrypted, with the events after it folded in
   * (for tests and the replay check: it must equal a replay of the whole log).
   */
  async storedSnapshot(gesprekId: string): Promise<unknown> {
    const row = await this.row(gesprekId)
    const tool = await toolOfGesprek(this.deps, row)
    const key = await this.sealKey(row)
    const { snapshot } = await this.restore(gesprekId, tool, key, row)
    return tool.machine.getPersistedSnapshot(snapshot)
  }

  /**
   * The one entry point for several nodes: another node committed this gesprek up to `seq` (a notice
   * through Redis, which carries no content). Drops this node's cached copy and reads it again from the
   * database. Returns the fresh state when it moved forward, so the caller projects for its own sockets;
   * null when this node was there already (seq never goes back; several commits may come as one).
   */
  refresh(
    gesprekId: string,
    seq: number,
  ): Promise<{ seq: number; viewFor: (audience: Audience) => GesprekView; seqFor: SeqFor } | null> {
    return this.serial(gesprekId, async () => {
      const had = this.loaded.get(gesprekId)
      if (had && had.seq >= seq) return null
      this.loaded.delete(gesprekId)
      this.devices.forget(gesprekId)
      const g = await this.load(gesprekId)
      if (had && g.seq <= had.seq) return null
      return { seq: g.seq, viewFor: this.viewsOf(g), seqFor: seqsOf(g) }
    })
  }

  forget(gesprekId: string): void {
    this.loaded.delete(gesprekId)
    this.devices.forget(gesprekId)
  }

  forgetChild(childId: string): void {
    for (const [id, g] of this.loaded) if (g.childId === childId) this.loaded.delete(id)
  }

  /**
   * Graceful shutdown (SIGTERM, docs/operations.md): refuse new commands, let the queued ones commit and
   * ack, store snapshots.
   */
  async shutdown(): Promise<void> {
    this.closed = true
    await this.drain()
    await this.commits.close()
    await this.storeSnapshots().catch((err: unknown) => {
      // Only a cache: the log still holds every event, and the next load replays them.
      this.deps.log.warn('storing snapshots at shutdown failed', errorFields(err))
    })
  }

  /** Resolves when no command is between its start and its ack (graceful shutdown). */
  async drain(): Promise<void> {
    if (this.inFlight === 0) return
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve))
  }

  /** Stores the snapshot of every gesprek in memory whose stored one is behind (a new tool version starts clean). */
  private async storeSnapshots(): Promise<void> {
    for (const g of this.loaded.values()) {
      if (g.snapshotSeq === g.seq) continue
      await this.deps.db
        .updateTable('gesprekken')
        .set({ snapshot_enc: this.sealSnapshot(g, g.snapshot), snapshot_seq: g.seq })
        .where('id', '=', g.id)
        .where('seq', '=', g.seq)
        .execute()
      g.snapshotSeq = g.seq
    }
  }

  private sealSnapshot(g: Loaded, snapshot: Snapshot): string {
    return seal(g.key, JSON.stringify(g.tool.machine.getPersistedSnapshot(snapshot)), snapshotAad(g.id))
  }

  private headOf(g: Loaded): ViewHead {
    return (g.head ??= viewHead(g.tool, g.snapshot))
  }

  /**
   * Each audience's view of the state now, made only when asked for (an empty room asks nothing). The
   * command already projected every audience but the child's (to tell whether they see a change):
   * those are reused, so a commit projects each audience once.
   */
  private viewsOf(g: Loaded): (audience: Audience) => GesprekView {
    const { snapshot } = g
    const head = this.headOf(g)
    const others = g.shownViews ?? (g.shownViews = new OthersViews(g.tool, snapshot, head))
    let kind: GesprekView | undefined
    return (audience) =>
      audience === 'kind'
        ? (kind ??= toView(g.tool, snapshot, 'kind', head, g.before ?? undefined))
        : others.get(OTHERS.indexOf(audience))
  }

  /** Tells the listeners, each audience in its own seq (ADR 0050). */
  private publish(g: Loaded, before: OthersViews): void {
    const viewFor = this.viewsOf(g)
    const seqFor = seqsOf({ seq: g.seq, shownSeq: g.shownSeq, unshownBy: g.unshownBy })
    const viewBefore = (audience: Exclude<Audience, 'kind'>) => before.get(OTHERS.indexOf(audience))
    for (const l of this.listeners) l(g.id, g.seq, viewFor, seqFor, viewBefore)
  }

  private async serial<T>(gesprekId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(gesprekId)
    this.inFlight++
    // Nothing queued for this gesprek: start at once instead of a turn of the loop later.
    const run = previous ? previous.catch(() => undefined).then(work) : work()
    const tail = run.catch(() => undefined)
    this.queues.set(gesprekId, tail)
    try {
      return await run
    } finally {
      if (this.queues.get(gesprekId) === tail) this.queues.delete(gesprekId)
      if (--this.inFlight === 0) for (const w of this.idleWaiters.splice(0)) w()
    }
  }

  private async load(gesprekId: string): Promise<Loaded> {
    const hit = this.loaded.get(gesprekId)
    if (hit) {
      // Least recently used goes first: a hit moves to the back.
      this.loaded.delete(gesprekId)
      this.loaded.set(gesprekId, hit)
      return hit
    }
    const row = await this.row(gesprekId)
    // The version the gesprek started on, for its whole life (ADR 0075).
    const tool = await toolOfGesprek(this.deps, row)
    const key = await this.sealKey(row)
    const { snapshot, seq, msgSeqs, shownSeq, unshownBy, snapshotChars } = await this.restore(gesprekId, tool, key, row)
    const g: Loaded = {
      id: gesprekId,
      tool,
      childId: row.child_id,
      key,
      snapshot,
      seq,
      snapshotSeq: row.snapshot_seq,
      snapshotChars,
      msgSeqs,
      head: null,
      shownSeq,
      unshownBy,
      shownViews: null,
      before: null,
    }
    // Loading awaited the database: another caller may have loaded it meanwhile; keep one copy.
    const raced = this.loaded.get(gesprekId)
    if (raced) return raced
    if (this.loaded.size >= LOADED_MAX) this.loaded.delete(this.loaded.keys().next().value!)
    this.loaded.set(gesprekId, g)
    return g
  }

  /** The stored snapshot (migrated to the tool's version) with the events after it folded in. */
  private async restore(
    gesprekId: string,
    tool: ToolDef,
    key: Buffer,
    row: { snapshot_enc: string; snapshot_seq: number; tool_version: string; seq: number },
  ) {
    const text = open(key, row.snapshot_enc, snapshotAad(gesprekId))
    const persisted = migrateSnapshot(tool, row.tool_version, JSON.parse(text))
    let snapshot = restoreSnapshot(tool, persisted)
    if (snapshot.status === 'error') throw new CodedError('internal', 500)
    let snapshotChars = row.tool_version === tool.version ? text.length : JSON.stringify(persisted).length
    // One read of the log (a reconnect storm loads every gesprek at once): every row's id and shown
    // flag, the sealed event only of those after the snapshot. It stops at the row's seq: another node
    // may commit meanwhile, and a state folded past `seq` (or a shown count ahead of it) would send a
    // frame whose seq says less than it shows.
    const rows = await this.deps.db
      .selectFrom('gesprek_events')
      .select(['client_msg_id', 'seq', 'shown', 'actor_device'])
      .select(sql<string | null>`case when seq > ${row.snapshot_seq} then event_enc end`.as('event_enc'))
      .where('gesprek_id', '=', gesprekId)
      .where('seq', '<=', row.seq)
      .orderBy('seq')
      .execute()
    // The shown seq counted along (rows from before migration 80 count as shown: they were), and each
    // device's unshown events, for a later screen's own seq (ADR 0050).
    const msgSeqs = new Map<string, Seqs>()
    let shownSeq = 0
    let unshownBy: ReadonlyMap<string, number> = new Map()
    for (const r of rows) {
      if (r.shown === null || r.shown !== 0) shownSeq++
      else if (r.actor_device) unshownBy = countUnshown(unshownBy, r.actor_device)
      msgSeqs.set(r.client_msg_id, { seq: r.seq, shownSeq, unshownBy })
      if (r.seq <= row.snapshot_seq) continue
      if (r.event_enc === null) throw new CodedError('internal', 500)
      const json = open(key, r.event_enc, eventAad(gesprekId, r.seq))
      snapshot = step(tool.machine, snapshot, JSON.parse(json) as GesprekEvent)
      snapshotChars += json.length + SNAPSHOT_GROWTH_PER_EVENT
    }
    return { snapshot, seq: row.seq, msgSeqs, shownSeq, unshownBy, snapshotChars }
  }

  private async eventsAfter(gesprekId: string, key: Buffer, afterSeq: number) {
    const rows = await this.deps.db
      .selectFrom('gesprek_events')
      .select(['seq', 'event_enc'])
      .where('gesprek_id', '=', gesprekId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .execute()
    return rows.map((e) => ({
      seq: e.seq,
      event: JSON.parse(open(key, e.event_enc, eventAad(gesprekId, e.seq))) as GesprekEvent,
    }))
  }

  private async row(gesprekId: string) {
    const row = await this.deps.db.selectFrom('gesprekken').selectAll().where('id', '=', gesprekId).executeTakeFirst()
    if (!row) throw new CodedError('not_found', 404)
    return row
  }

  /** The gesprek's key: the Sealing hook's, else the child's. A closed kamer is not readable here. */
  private async sealKey(row: { id: string; child_id: string; setting: string }): Promise<Buffer> {
    const key = this.sealing
      ? await this.sealing.keyFor({ id: row.id, childId: row.child_id, setting: row.setting })
      : null
    if (key === 'closed') throw new CodedError('session_expired', 401)
    return key ?? this.childKey(row.child_id)
  }

  private async childKey(childId: string): Promise<Buffer> {
    const child = await this.deps.db
      .selectFrom('children')
      .select('key_wrapped')
      .where('id', '=', childId)
      .executeTakeFirst()
    if (!child?.key_wrapped) throw new CodedError('not_found', 404)
    return this.deps.keys.unwrap(childId, child.key_wrapped)
  }
}

/** Walks a stored snapshot forward through the tool's explicit migrations (docs/decisions/0004-tool-versions.md). */
export function migrateSnapshot(tool: ToolDef, fromVersion: string, persisted: unknown): unknown {
  let version = fromVersion
  let snapshot = persisted
  for (let guard = 0; version !== tool.version; guard++) {
    const step = tool.migrations?.[version]
    if (!step || guard > 50) throw new CodedError('conflict', 409)
    const migrated = step(snapshot)
    snapshot = migrated.snapshot
    version = migrated.version
  }
  return snapshot
}
