import * as z from 'zod'
import { ErrorCode } from './errors'
import { GesprekEvent } from './events'
import { ClientMsgId, GesprekId, Seq } from './ids'
import { GesprekView, ViewPatch } from './view'

/** A device's public id (never its token). */
const DeviceId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

/** Client → server commands. strictObject: unknown keys are an error, not ignored. */
export const C2S = {
  /** Join a gesprek's live view; `lastSeq` lets the server skip resending an unchanged view. */
  'gesprek:join': z.strictObject({ gesprekId: GesprekId, lastSeq: Seq.optional() }),
  /** One command on a gesprek; `clientMsgId` makes retries safe (the original ack is returned). */
  'gesprek:command': z.strictObject({ gesprekId: GesprekId, clientMsgId: ClientMsgId, event: GesprekEvent }),
  /** The child's own screen says yes or no to a later screen ("Mag dit scherm ook meedoen?", ADR 0010). */
  'device:answer': z.strictObject({ gesprekId: GesprekId, deviceId: DeviceId, allow: z.boolean() }),
} as const

export const AckData = {
  'gesprek:join': z.strictObject({ seq: Seq, view: GesprekView.nullable() }),
  'gesprek:command': z.strictObject({ seq: Seq }),
  'device:answer': z.strictObject({}),
} as const

export const ackOf = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), data }),
    z.strictObject({ ok: z.literal(false), error: ErrorCode }),
  ])

/** Server → client facts. */
export const S2C = {
  /** A whole view: after a join when no patch could follow on, or when the server had no base. */
  'gesprek:view': z.strictObject({ gesprekId: GesprekId, seq: Seq, view: GesprekView }),
  /**
   * The change from the view of `base` to the view of `seq`: it applies on a view from `base` up to
   * `seq - 1` (nothing this audience sees changed between); a client further behind re-joins for a whole view.
   */
  'gesprek:patch': z.strictObject({ gesprekId: GesprekId, seq: Seq, base: Seq, patch: ViewPatch }),
  /** Sent before a graceful shutdown so clients reconnect (elsewhere) without alarm. */
  'server:restarting': z.strictObject({}),
  /** The session behind this socket ended (logout, lock, expiry): the client must re-authenticate. */
  'session:ended': z.strictObject({ reason: z.enum(['logout', 'expired', 'locked']) }),
  /** This screen may no longer see this gesprek (the child moved to another team): drop its view. */
  'gesprek:ended': z.strictObject({ gesprekId: GesprekId }),
  /** To the child's own screens: later screens waiting for their yes (empty: none). */
  'devices:pending': z.strictObject({
    gesprekId: GesprekId,
    devices: z.array(z.strictObject({ deviceId: DeviceId, joinedAt: z.string() })).max(20),
  }),
} as const

export type C2SName = keyof typeof C2S
export type Ack<K extends C2SName> =
  { ok: true; data: z.output<(typeof AckData)[K]> } | { ok: false; error: z.output<typeof ErrorCode> }

export type ClientToServerEvents = {
  [K in C2SName]: (payload: z.input<(typeof C2S)[K]>, ack: (res: Ack<K>) => void) => void
}
export type ServerToClientEvents = {
  [K in keyof typeof S2C]: (payload: z.output<(typeof S2C)[K]>) => void
}
export type InterServerEvents = Record<string, never>

/** Handshake auth: the client's token (kind/kamer) is in memory; begeleiders use their session cookie. */
export const HandshakeAuth = z.strictObject({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,64}$/)
    .optional(),
})
