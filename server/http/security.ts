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

/** SEC-14 headers, the same on Hono's answers and socket.io's (server/app.ts; engine.io sends no-store itself). */
export function socketHeaders(deps: Deps): Record<string, string> {
  return {
    'Content-Security-Policy': CSP,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    ...(deps.config.secure ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}

/** SEC-14 headers on every answer, plus no-store wherever a child's data or screen may pass. */
export function securityHeaders(deps: Deps): MiddlewareHandler<Env> {
  return async (c, next) => {
    await next()
    const h = c.res.headers
    for (const [k, v] of Object.entries(socketHeaders(deps))) h.set(k, v)
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
