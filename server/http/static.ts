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
      const data = await readFile(file)
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      const headers: Record<string, string> = { 'Content-Type': type }
      if (path.startsWith('/assets/')) headers['Cache-Control'] = 'public, max-age=31536000, immutable'
      return c.body(data, 200, headers)
    } catch {
      return c.json({ error: 'not_found' }, 404)
    }
  })
}
