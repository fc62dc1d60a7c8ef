import type { Hono } from 'hono'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { Env } from './context'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
}

/** The SPA's client routes: each serves index.html. Anything else unknown is a 404. */
const SPA_ROUTES = /^\/($|kind$|kamer$|begeleider(\/.*)?$)/

/** Serves the built client from dist/client (built by `vite build`). */
export function serveClient(app: Hono<Env>, distDir: string) {
  app.get('*', async (c) => {
    const path = c.req.path
    if (path.startsWith('/api/')) return c.json({ error: 'not_found' }, 404)
    const wanted = SPA_ROUTES.test(path) ? '/index.html' : path
    const file = normalize(join(distDir, wanted))
    if (!file.startsWith(distDir + sep)) return c.json({ error: 'not_found' }, 404)
    try {
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      // Hashed file names never change content: cache for good. The HTML names them and is never kept
      // (no-store from the security headers: nothing of a child's screen stays on a shared device).
      const headers: Record<string, string> = { 'Content-Type': type }
      if (path.startsWith('/assets/')) headers['Cache-Control'] = 'public, max-age=31536000, immutable'
      const compressed = await precompressed(file, c.req.header('accept-encoding') ?? '')
      if (TYPES[extname(file)]?.startsWith('text/') || compressed) headers['Vary'] = 'Accept-Encoding'
      if (compressed) {
        headers['Content-Encoding'] = compressed.encoding
        return c.body(compressed.data, 200, headers)
      }
      return c.body(await readFile(file), 200, headers)
    } catch {
      return c.json({ error: 'not_found' }, 404)
    }
  })
}

/**
 * The build's brotli or gzip copy of a file (vite.config.ts, precompress), when the browser takes it:
 * brotli first, it is smaller. Null when there is none or the browser takes neither.
 */
async function precompressed(file: string, acceptEncoding: string) {
  const accepts = (name: string) =>
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .some(([enc, q]) => enc?.trim() === name && !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
  for (const [encoding, ext] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (!accepts(encoding)) continue
    try {
      return { encoding, data: await readFile(file + ext) }
    } catch {
      // no compressed copy of this file: try the next, or send it as it is
    }
  }
  return null
}
