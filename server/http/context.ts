import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type * as z from 'zod'
import { CodedError } from '../../dialogs/contract/errors'
import type { BegeleiderPrincipal } from '../auth/principal'
import { sessionCookieName, sessionPrincipal } from '../auth/sessions'
import type { Deps } from '../deps'
import { clientAddress } from './client-address'

/** The child's tokens have their own module (./bearer.ts); re-exported for the routes that already import it here. */
export { requireKind } from './bearer'

export type Env = { Variables: { deps: Deps } }
export type Ctx = Context<Env>
/** A route's context with `deps` and maybe more (a child-scoped route's `begeleider` and `child`). */
export type AnyCtx<E extends Env = Env> = Context<E>

/** Parses a JSON body with a contract schema; anything else is `invalid_payload`, never a crash. */
export async function body<T extends z.ZodType, E extends Env>(c: AnyCtx<E>, schema: T): Promise<z.output<T>> {
  let raw: unknown
  try {
    raw = await c.req.json()
  } catch {
    throw new CodedError('invalid_payload', 400)
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new CodedError('invalid_payload', 400)
  return parsed.data
}

export async function requireBegeleider<E extends Env>(c: AnyCtx<E>): Promise<BegeleiderPrincipal> {
  const p = await sessionPrincipal(c.var.deps, getCookie(c, sessionCookieName(c.var.deps)))
  if (!p) throw new CodedError('not_logged_in', 401)
  return p
}

export async function requireAdmin<E extends Env>(c: AnyCtx<E>): Promise<BegeleiderPrincipal> {
  const p = await requireBegeleider(c)
  if (!p.admin) throw new CodedError('forbidden', 403)
  return p
}

/**
 * The caller's address: the TCP peer, or with TRUST_PROXY what our own proxies say in X-Forwarded-For
 * (docs/operations.md). Only for rate limits; never logged.
 */
export function clientIp(c: Ctx): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
  return clientAddress(incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), c.var.deps.config.trustProxy)
}
