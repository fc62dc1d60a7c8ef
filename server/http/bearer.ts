import { CodedError } from '../../dialogs/contract/errors'
import { devicePrincipal } from '../auth/join-codes'
import { kamerPrincipal, touchKamer } from '../auth/kamer'
import type { DevicePrincipal, KamerPrincipal, KindPrincipal } from '../auth/principal'
import type { AnyCtx, Env } from './context'

/**
 * The child's tokens (a device token or a kamer token) ride in the Authorization header, never in a
 * cookie: a shared phone keeps no login behind (ADR 0005, docs/kamer.md).
 */
export function bearerToken<E extends Env>(c: AnyCtx<E>): string | undefined {
  const header = c.req.header('authorization') ?? ''
  return header.startsWith('Bearer ') ? header.slice(7) : undefined
}

/** A child's device or kamer token; anything else is `session_expired`. */
export async function requireKind<E extends Env>(c: AnyCtx<E>): Promise<KindPrincipal> {
  const p = await devicePrincipal(c.var.deps, bearerToken(c))
  if (!p) throw new CodedError('session_expired', 401)
  return p
}

/** Every call with a kamer token is activity: it re-checks the idle lock and moves it on. */
export async function requireKamer<E extends Env>(c: AnyCtx<E>): Promise<KamerPrincipal & { kamerId: string }> {
  const p = await kamerPrincipal(c.var.deps, bearerToken(c))
  if (!p || !(await touchKamer(c.var.deps, p))) throw new CodedError('session_expired', 401)
  return p
}

/**
 * The child's own screen: its kamer (touched, like every kamer call) or else its gesprek device. A kamer
 * token that has gone idle is `session_expired`; it is not tried again as a device token.
 */
export async function requireChildScreen<E extends Env>(
  c: AnyCtx<E>,
): Promise<{ childId: string; kamer: KamerPrincipal } | { childId: string; device: DevicePrincipal }> {
  const deps = c.var.deps
  const token = bearerToken(c)
  const kamer = await kamerPrincipal(deps, token)
  if (kamer) {
    if (!(await touchKamer(deps, kamer))) throw new CodedError('session_expired', 401)
    return { childId: kamer.childId, kamer }
  }
  const device = await devicePrincipal(deps, token)
  if (!device) throw new CodedError('session_expired', 401)
  return { childId: device.childId, device }
}
