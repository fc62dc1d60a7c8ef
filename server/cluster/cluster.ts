import * as z from 'zod'
import type { LimitStore } from '../auth/limit-store'
import { RevocationNotice } from '../realtime/revocations'

/**
 * What one node tells the others. Ids, seqs and reasons only: never answer text, never a projection
 * (each node projects for its own sockets from the database).
 */
export const Notice = z.discriminatedUnion('t', [
  /** Gesprek `g` has been committed up to seq `s` on some node. */
  z.strictObject({ t: z.literal('seq'), g: z.string().max(64), s: z.number().int().nonnegative() }),
  /** A right ended (server/realtime/revocations.ts): every node ends the sockets it covers. */
  z.strictObject({ t: z.literal('revoked'), notice: RevocationNotice }),
  /** A child was erased: every node drops its cached key and gesprekken of that child. */
  z.strictObject({ t: z.literal('erased'), child: z.string().max(64) }),
])
export type Notice = z.infer<typeof Notice>

/**
 * The seam between one node and the others. Alone (SQLite, or no REDIS_URL) every call is local and
 * cheap; with Redis (server/cluster/redis.ts) notices, locks and limits are shared by every node.
 */
export interface Cluster {
  /** Tells the other nodes; fire-and-forget (a lost notice costs freshness, never an answer). */
  publish(notice: Notice): Promise<void>
  /** Notices from other nodes (and the CLI); never this node's own. */
  onNotice(listener: (notice: Notice) => void): void
  /** True for exactly one caller per `name` and window of `windowMs`, across all nodes. */
  claim(name: string, windowMs: number, now: number): Promise<boolean>
  /** Shared rate-limit counts, or null to keep them in this process. */
  readonly limitStore: LimitStore | null
  /** socket.io's adapter factory for several nodes, or null for the in-memory one. */
  readonly adapter: unknown
  close(): Promise<void>
}

/** One node on its own: nothing to tell, every claim is ours. */
export const soloCluster = (): Cluster => ({
  publish: () => Promise.resolve(),
  onNotice: () => undefined,
  claim: () => Promise.resolve(true),
  limitStore: null,
  adapter: null,
  close: () => Promise.resolve(),
})
