import * as z from 'zod'

/**
 * The revocation channel: when a right ends, one notice names what ended, and every node ends the
 * matching open sockets at once. Notices carry ids and hashes only, never answer text or a view, so
 * the same notice can travel through a database table or Redis between processes.
 */
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)
export const RevocationReason = z.enum(['logout', 'expired', 'locked'])
export type RevocationReason = z.output<typeof RevocationReason>

export const RevocationNotice = z.discriminatedUnion('type', [
  /** Every session of one begeleider: deactivation, logout everywhere, password reset, end-sessions. */
  z.strictObject({ type: z.literal('begeleider'), begeleiderId: Id, reason: RevocationReason }),
  /** One begeleider session (logout, expiry). */
  z.strictObject({ type: z.literal('session'), sessionHash: Id, reason: RevocationReason }),
  /** One child device token or kamer token (revoked, locked, idle, erased). */
  z.strictObject({ type: z.literal('token'), tokenHash: Id, reason: RevocationReason }),
  /** Every child device of one gesprek: the gesprek stopped or ended. */
  z.strictObject({ type: z.literal('gesprek'), gesprekId: Id, reason: RevocationReason }),
  /** Who may see this child changed (team move, erasure): begeleider sockets re-check their rooms. */
  z.strictObject({ type: z.literal('child'), childId: Id }),
  /** A device's standing changed (approved by the child): its sockets re-read it and get a new view. */
  z.strictObject({ type: z.literal('device'), tokenHash: Id }),
])
export type RevocationNotice = z.output<typeof RevocationNotice>

export type RevocationHandler = (notice: RevocationNotice) => void | Promise<void>

/**
 * What the socket layer needs. `publish` resolves once the notice is on its way to every subscriber
 * (in this process: delivered). The multi-node implementation carries the same notices over Redis.
 */
export interface Revocations {
  publish(notice: RevocationNotice): Promise<void>
  subscribe(handler: RevocationHandler): () => void
}

/** One process: handlers run in order; a failing handler is reported, never stops the others. */
export class LocalRevocations implements Revocations {
  private handlers = new Set<RevocationHandler>()
  constructor(private readonly onError: (err: unknown) => void = () => undefined) {}

  async publish(notice: RevocationNotice): Promise<void> {
    const parsed = RevocationNotice.parse(notice)
    for (const h of [...this.handlers]) {
      try {
        await h(parsed)
      } catch (err) {
        this.onError(err)
      }
    }
  }

  subscribe(handler: RevocationHandler): () => void {
    this.handlers.add(handler)
    return () => this.handlers.delete(handler)
  }
}
