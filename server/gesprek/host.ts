import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { initialTransition, transition } from 'xstate'
import { CodedError } from '../../dialogs/contract/errors'
import type { AgeBand, Living } from '../../dialogs/contract/ids'
import type { GesprekView } from '../../dialogs/contract/view'
import { mayRoleSend, type GesprekEvent } from '../../dialogs/framework/events'
import { replay, restoreSnapshot, stateOf, type ToolSnapshot } from '../../dialogs/framework/snapshot'
import type { ToolDef } from '../../dialogs/framework/tool'
import { toView } from '../../dialogs/framework/view'
import { AUDIENCES, type Audience, type Setting } from '../../dialogs/sharing'
import type { Principal } from '../auth/principal'
import { iso } from '../clock'
import { open, seal } from '../crypto/seal'
import { toolForNewGesprek, toolOfGesprek } from '../tools/gesprek-tool'
import type { Deps } from '../deps'
import { newId } from '../ids'
import { checkEventBounds, checkEventRules, checkSnapshotBounds } from './bounds'
import { DeviceLedger } from './devices'
import { GroupCommit } from './group-commit'

type Snapshot = ToolSnapshot
type Loaded = {
  id: string
  tool: ToolDef
  childId: string
  key: Buffer
  snapshot: Snapshot
  seq: number
  /** The seq of every audience but the child's: how many events changed what they see (ADR 0050). */
  shownSeq: number
  /** A hash of those audiences' views at `seq`, to tell whether the next event changes them. */
  shownKey?: string
}

/** `seq` is the child's (every event); `shownSeq` everyone else's, which private edits do not move. */
export type CommandResult = { seq: number; shownSeq: number; duplicate: boolean }
/** The seq an audience is told: the child's counts every event, the others only what they could see. */
export type SeqFor = (audience: Audience) => number

/**
 * Which key seals a gesprek (docs/kamer.md). null: the child's key, as for every guided gesprek.
 * 'closed': sealed under a key this server does not hold right now (a kamer whose jongere is not in
 * it); then only `closedView`, the copy of what was shared, can be shown.
 */
export type Sealing = {
  keyFor(g: { id: string; childId: string; setting: string }): Promise<Buffer | null | 'closed'>
  closedView(gesprekId: string, audience: Audience): Promise<{ seq: number; view: GesprekView }>
}
export type CommittedListener = (
  gesprekId: string,
  seq: number,
  viewFor: (audience: Audience) => GesprekView,
  seqFor: SeqFor,
) => void

const OTHERS = AUDIENCES.filter((a) => a !== 'kind')
/** What every audience but the child's sees of a snapshot, as one hash. */
const shownKeyOf = (tool: ToolDef, snapshot: Snapshot) =>
  createHash('sha256')
    .update(JSON.stringify(OTHERS.map((a) => toView(tool, snapshot, a))))
    .digest('base64')
const seqsOf =
  (g: { seq: number; shownSeq: number }): SeqFor =>
  (audience) =>
    audience === 'kind' ? g.seq : g.shownSeq

const snapshotAad = (gesprekId: string) => `${gesprekId}:snapshot`
const eventAad = (gesprekId: string, seq: number) => `${gesprekId}:${seq}:event`
const phaseOf = (s: Snapshot) => stateOf(s).phase

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
        created_at: iso(this.deps.clock),
        updated_at: iso(this.deps.clock),
      })
      .execute()
    return id
  }

  /** Runs one command through: role → dedupe → machine.can → durable append → ack → broadcast. */
  command(principal: Principal, gesprekId: string, clientMsgId: string, event: GesprekEvent): Promise<CommandResult> {
    // Shutting down: the client keeps the command and retries it on the next server (REL-12).
    if (this.closed) return Promise.reject(new CodedError('server_busy', 503))
    // A worry mark carries the server's time, never the client's: "zorg gemarkeerd op …" survives a retraction.
    if (event.type === 'worry.mark') event = { ...event, at: iso(this.deps.clock) }
    return this.serial(gesprekId, async () => {
      const g = await this.load(gesprekId)
      const role = principal.role === 'kind' ? 'kind' : 'begeleider'
      if (!mayRoleSend(role, g.tool.operator, event.type)) throw new CodedError('forbidden', 403)
      const earlier = await this.deps.db
        .selectFrom('gesprek_events')
        .select('seq')
        .where('gesprek_id', '=', gesprekId)
        .where('client_msg_id', '=', clientMsgId)
        .executeTakeFirst()
      if (earlier) return { seq: earlier.seq, shownSeq: await this.shownSeqAt(gesprekId, earlier.seq), duplicate: true }
      const device = principal.role === 'kind' && !principal.kamer ? principal : null
      if (device) await this.devices.authorise(device, gesprekId, event)
      checkEventBounds(g.snapshot.context, event)
      checkEventRules(g.tool, g.snapshot.context, principal, event)
      if (!g.snapshot.can(event)) throw new CodedError('not_allowed_now', 409)
      const [next] = transition(g.tool.machine, g.snapshot, event)
      const seq = g.seq + 1
      // Whether anyone but the child sees a difference: only then does their seq move (ADR 0050).
      const shownBefore = g.shownKey ?? shownKeyOf(g.tool, g.snapshot)
      const shownAfter = shownKeyOf(g.tool, next)
      const shown = shownBefore === shownAfter ? 0 : 1
      const actorId = principal.role === 'kind' ? principal.childId : principal.begeleiderId
      const persisted = JSON.stringify(g.tool.machine.getPersistedSnapshot(next))
      checkSnapshotBounds(persisted)
      await this.commits.write({
        event: {
          gesprek_id: gesprekId,
          seq,
          client_msg_id: clientMsgId,
          actor_role: role,
          actor_id: actorId,
          type: event.type,
          event_enc: seal(g.key, JSON.stringify(event), eventAad(gesprekId, seq)),
          created_at: iso(this.deps.clock),
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
          phase: phaseOf(next),
          snapshotEnc: seal(g.key, persisted, snapshotAad(gesprekId)),
          at: iso(this.deps.clock),
        },
      })
      if (device && event.type === 'item.add') this.devices.noteItem(gesprekId, event.item.id, device.deviceId)
      g.snapshot = next
      g.seq = seq
      g.shownSeq += shown
      g.shownKey = shownAfter
      const viewFor = (audience: Audience) => toView(g.tool, next, audience)
      const seqFor = seqsOf({ seq, shownSeq: g.shownSeq })
      for (const l of this.listeners) l(gesprekId, seq, viewFor, seqFor)
      return { seq, shownSeq: g.shownSeq, duplicate: false }
    }).catch((err: unknown) => {
      // A failed commit may leave our cached state ahead of or behind the database: reload next time.
      if (!(err instanceof CodedError) || err.code === 'conflict') this.loaded.delete(gesprekId)
      throw err
    })
  }

  async view(gesprekId: string, audience: Audience): Promise<{ seq: number; view: GesprekView }> {
    return this.serial(gesprekId, async () => {
      if (!this.loaded.has(gesprekId) && this.sealing) {
        const row = await this.row(gesprekId)
        const key = await this.sealing.keyFor({ id: row.id, childId: row.child_id, setting: row.setting })
        if (key === 'closed') return this.sealing.closedView(gesprekId, audience)
      }
      const g = await this.load(gesprekId)
      return { seq: seqsOf(g)(audience), view: toView(g.tool, g.snapshot, audience) }
    })
  }

  /** Folds the stored event log through the machine (architecture rule 4: the log is the truth). */
  async replay(gesprekId: string): Promise<{ persisted: unknown; seq: number }> {
    const row = await this.row(gesprekId)
    const tool = await toolOfGesprek(this.deps, row)
    const key = await this.sealKey(row)
    const events = await this.deps.db
      .selectFrom('gesprek_events')
      .select(['seq', 'event_enc'])
      .where('gesprek_id', '=', gesprekId)
      .orderBy('seq')
      .execute()
    const snapshot = replay(
      tool,
      {
        ageBand: row.age_band,
        legalBand: row.legal_band ?? undefined,
        setting: row.setting,
        ...(row.living ? { living: row.living } : {}),
      },
      events.map((e) => JSON.parse(open(key, e.event_enc, eventAad(gesprekId, e.seq))) as GesprekEvent),
    )
    return { persisted: tool.machine.getPersistedSnapshot(snapshot), seq: events.at(-1)?.seq ?? 0 }
  }

  /** The stored snapshot, decrypted (for tests and the replay check). */
  async storedSnapshot(gesprekId: string): Promise<unknown> {
    const row = await this.row(gesprekId)
    const key = await this.sealKey(row)
    return JSON.parse(open(key, row.snapshot_enc, snapshotAad(gesprekId)))
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
      return {
        seq: g.seq,
        viewFor: (audience: Audience) => toView(g.tool, g.snapshot, audience),
        seqFor: seqsOf(g),
      }
    })
  }

  forget(gesprekId: string): void {
    this.loaded.delete(gesprekId)
    this.devices.forget(gesprekId)
  }

  forgetChild(childId: string): void {
    for (const [id, g] of this.loaded) if (g.childId === childId) this.loaded.delete(id)
  }

  /** Graceful shutdown (REL-12): refuse new commands, then let the ones already queued commit and ack. */
  async shutdown(): Promise<void> {
    this.closed = true
    await this.drain()
  }

  /** Resolves when no command is between its start and its ack (graceful shutdown, REL-12). */
  async drain(): Promise<void> {
    if (this.inFlight === 0) return
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve))
  }

  private async serial<T>(gesprekId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(gesprekId) ?? Promise.resolve()
    this.inFlight++
    const run = previous.catch(() => undefined).then(work)
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
    if (hit) return hit
    const row = await this.row(gesprekId)
    // The version the gesprek started on, for its whole life (ADR 0075).
    const tool = await toolOfGesprek(this.deps, row)
    const key = await this.sealKey(row)
    let persisted: unknown = JSON.parse(open(key, row.snapshot_enc, snapshotAad(gesprekId)))
    persisted = migrateSnapshot(tool, row.tool_version, persisted)
    const snapshot = restoreSnapshot(tool, persisted)
    if (snapshot.status === 'error') throw new CodedError('internal', 500)
    const shownSeq = await this.shownSeqAt(gesprekId, row.seq)
    const g: Loaded = { id: gesprekId, tool, childId: row.child_id, key, snapshot, seq: row.seq, shownSeq }
    if (this.loaded.size >= 5000) this.loaded.delete(this.loaded.keys().next().value!)
    this.loaded.set(gesprekId, g)
    return g
  }

  /** How many events up to `seq` changed what anyone but the child sees (rows from before migration 80 did). */
  private async shownSeqAt(gesprekId: string, seq: number): Promise<number> {
    const r = await this.deps.db
      .selectFrom('gesprek_events')
      .select(sql<number>`count(*)`.as('n'))
      .where('gesprek_id', '=', gesprekId)
      .where('seq', '<=', seq)
      .where((w) => w.or([w('shown', 'is', null), w('shown', '<>', 0)]))
      .executeTakeFirst()
    return Number(r?.n ?? 0)
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

/** Walks a stored snapshot forward through the tool's explicit migrations (issue: tool versions). */
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
