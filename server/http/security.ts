import type { MiddlewareHandler } from 'hono'
import { CodedError } from '../../dialogs/contract/errors'
import type { Deps } from '../deps'
import type { Env } from './context'

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React style attributes (progress bars, positions) need inline styles; scripts never run inline.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** SEC-14 headers on every answer, plus no-store wherever a child's data or screen may pass. */
export function securityHeaders(deps: Deps): MiddlewareHandler<Env> {
  return async (c, next) => {
    await next()
    const h = c.res.headers
    h.set('Content-Security-Policy', CSP)
    h.set('Referrer-Policy', 'no-referrer')
    h.set('X-Content-Type-Options', 'nosniff')
    h.set('X-Frame-Options', 'DENY')
    h.set('Cross-Origin-Opener-Policy', 'same-origin')
    h.set('Cross-Origin-Resource-Policy', 'same-origin')
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
    if (deps.config.secure) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    const path = c.req.path
    if (!path.startsWith('/assets/')) {
      h.set('Cache-Control', 'no-store')
      h.set('Pragma', 'no-cache')
    }
  }
}

/**
 * State-changing requests must come from our own pages. SameSite=Strict already keeps the cookie
 * home; this also stops cross-site requests that carry no cookie (the child's join, for one).
 */
export function sameOrigin(deps: Deps): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const origin = c.req.header('origin')
      const own = new URL(c.req.url).origin
      const site = c.req.header('sec-fetch-site')
      if ((origin && origin !== own && !deps.config.origins.includes(origin)) || site === 'cross-site')
        throw new CodedError('forbidden', 403)
    }
    await next()
  }
}
