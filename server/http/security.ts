import type { MiddlewareHandler } from 'hono'
import { networkInterfaces } from 'node:os'
import { CodedError } from '../../dialogs/contract/errors'
import type { Deps } from '../deps'
import { isCachedVoiceAudio } from '../voices/paths'
import type { Env } from './context'

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React style attributes (progress bars, positions) need inline styles; scripts never run inline.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // A recorded voice plays from memory (an object URL): the child's copy never touches the browser's cache.
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** The security headers (docs/security.md, "Headers and sockets"), the same on Hono's answers and socket.io's (server/app.ts; engine.io sends no-store itself). */
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

const TOOL_PREVIEW_PATH = '/begeleider/beheer/voorbeeld'

/** The security headers on every answer, plus no-store wherever a child's data or screen may pass. */
export function securityHeaders(deps: Deps): MiddlewareHandler<Env> {
  return async (c, next) => {
    await next()
    const h = c.res.headers
    for (const [k, v] of Object.entries(socketHeaders(deps))) h.set(k, v)
    const path = c.req.path
    // The tool editor's preview (ADR 0075) is the one page framed, and only by our own origin.
    if (path === TOOL_PREVIEW_PATH) {
      h.set('Content-Security-Policy', CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'"))
      h.set('X-Frame-Options', 'SAMEORIGIN')
    }
    // Begeleider pages may ask for the microphone (recording a voice); a child's page never can.
    if (path.startsWith('/begeleider'))
      h.set('Permissions-Policy', 'camera=(), microphone=(self), geolocation=(), interest-cohort=()')
    if (!path.startsWith('/assets/') && !(isCachedVoiceAudio(path) && (c.res.status === 200 || c.res.status === 304))) {
      h.set('Cache-Control', 'no-store')
      h.set('Pragma', 'no-cache')
    }
  }
}

/**
 * The origins of the address we listen on: loopback by IP and as localhost, the bound address, and on
 * 0.0.0.0 or :: every interface address (a tablet on the shelter's network in a local trial).
 */
export function localOrigins(host: string, port: number): string[] {
  const hosts = new Set(['127.0.0.1', 'localhost', '[::1]'])
  const all = host === '0.0.0.0' || host === '::'
  if (!all) hosts.add(host.includes(':') ? `[${host}]` : host)
  else
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) hosts.add(a.family === 'IPv6' ? `[${a.address.split('%')[0]}]` : a.address)
  return [...hosts].map((h) => `http://${h}:${port}`)
}

/** Our own origins: PUBLIC_ORIGINS when set, else the listening address's; never the Host header. */
export function ownOrigins(deps: Deps): string[] {
  return deps.config.origins.length > 0 ? deps.config.origins : deps.config.localOrigins
}

/**
 * Where a QR code points: the first public origin, else the local origin the begeleider's own page
 * was loaded from when that is one of ours (a foreign Host header never gets into a QR code).
 */
export function publicOrigin(deps: Deps, requestUrl: string): string {
  if (deps.config.origins[0]) return deps.config.origins[0]
  const asked = new URL(requestUrl).origin
  return deps.config.localOrigins.includes(asked) ? asked : (deps.config.localOrigins[0] ?? asked)
}

/**
 * State-changing requests must come from our own pages. SameSite=Strict already keeps the cookie
 * home; this also stops cross-site requests that carry no cookie (the child's join, for one).
 */
export function sameOrigin(deps: Deps): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const origin = c.req.header('origin')
      const site = c.req.header('sec-fetch-site')
      if ((origin && !ownOrigins(deps).includes(origin)) || site === 'cross-site')
        throw new CodedError('forbidden', 403)
    }
    await next()
  }
}
