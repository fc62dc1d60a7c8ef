import type { Context, Hono } from 'hono'
import { readdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import type { Env } from './context'
import { SOURCE_LANGUAGE } from '../../dialogs/contract/languages'

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
    const route = ROUTE_OF[path.startsWith('/begeleider') ? '/begeleider' : path]
    if (route) {
      const page = routePage(distDir, route)
      if (page) return sendPage(c, page)
    }
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

/**
 * Each route's lazy screen chunk, as Vite's manifest names it (client/main.tsx), and the locale
 * namespaces its first screen reads (client/i18n.ts loads common and errors, and the kamer's PIN screen's
 * kamer and screens). `later`: the chunks the screen after it runs, fetched but not run behind the first
 * screen (client/net/prefetch.ts).
 */
type RouteScreen = {
  chunk: string
  namespaces: readonly string[]
  weights: readonly string[]
  later?: readonly string[]
}
const ROUTE_OF: Record<string, RouteScreen> = {
  '/kind': { chunk: 'kind/KindApp.tsx', namespaces: ['common', 'errors'], weights: ['400', '700'] },
  '/kamer': {
    chunk: 'kamer/KamerApp.tsx',
    namespaces: ['common', 'errors', 'kamer', 'screens'],
    weights: ['400'],
    later: ['kamer/Room.tsx', 'net/api-client.ts'],
  },
  '/begeleider': { chunk: 'begeleider/BegeleiderApp.tsx', namespaces: ['common', 'errors'], weights: ['400'] },
}
type Page = { html: Uint8Array<ArrayBuffer>; br: Uint8Array<ArrayBuffer>; gz: Uint8Array<ArrayBuffer> }
const pages = new Map<string, Page | null>()

/**
 * index.html with the route's own screen, its imports and its first screen's Dutch texts named up front
 * (`modulepreload`), and the text font's faces it paints with first preloaded: the browser fetches them beside the entry script instead of after it has run, one
 * round trip less before the first screen (docs/performance.md). Made once per build and route,
 * compressed once. Null without a build manifest (then index.html as it is).
 */
function routePage(distDir: string, { chunk, namespaces, weights, later = [] }: RouteScreen): Page | null {
  const key = `${distDir}\0${chunk}`
  if (pages.has(key)) return pages.get(key)!
  let page: Page | null = null
  try {
    type Chunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }
    const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>
    const html = readFileSync(join(distDir, 'index.html'), 'utf8')
    const graph = (roots: readonly string[], files = new Set<string>(), css = new Set<string>()) => {
      const walk = (k: string) => {
        const c = manifest[k]
        if (!c || files.has(c.file)) return
        files.add(c.file)
        for (const f of c.css ?? []) css.add(f)
        for (const i of c.imports ?? []) walk(i)
      }
      for (const root of roots) walk(root)
      return { files, css }
    }
    const keyOf = (name: string) => Object.keys(manifest).find((k) => k.endsWith(name))
    const { files, css } = graph([keyOf(chunk) ?? chunk])
    // The first screen's words in the source language, which i18next always loads (the fallback):
    // asked for only once the entry has run, and the kamer's namespace only once its screen rendered,
    // they were the last links of the chain before the first screen's largest paint.
    graph(
      namespaces.map((ns) => `../locales/${SOURCE_LANGUAGE}/${ns}.json`),
      files,
      css,
    )
    // Only what the HTML does not name already.
    const links = [...files]
      .filter((f) => !html.includes(f))
      .map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`)
    links.push(
      ...[...css].filter((f) => !html.includes(f)).map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
    )
    // The text font's faces the first screen needs before it paints. The join screen's bar is bold: with
    // the bold face late, it showed on two lines and then on one (a layout shift). Elsewhere the bold
    // face preloaded came before the script on a slow line and moved the largest paint later, more than
    // its swap moves anything (docs/performance.md).
    const fonts = readdirSync(join(distDir, 'assets')).filter((f) => {
      const weight = /^atkinson-hyperlegible-latin-(\d+)-normal-.*\.woff2$/.exec(f)?.[1]
      return weight !== undefined && weights.includes(weight)
    })
    for (const font of fonts)
      links.push(`<link rel="preload" as="font" type="font/woff2" crossorigin href="/assets/${font}">`)
    // The next screen's code, named but not fetched: as links here it would share the slow line with the
    // first screen's; the first screen fetches it once it is up, and runs it only when it is opened.
    const next = graph(later.map((name) => keyOf(name) ?? name))
    const nextFiles = [...next.files, ...next.css].filter((f) => !files.has(f) && !css.has(f) && !html.includes(f))
    if (nextFiles.length) links.push(`<meta name="kg-prefetch" content="${nextFiles.map((f) => `/${f}`).join(' ')}">`)
    const out = Buffer.from(html.replace('</head>', `${links.join('')}</head>`))
    page = {
      html: new Uint8Array(out),
      br: new Uint8Array(brotliCompressSync(out)),
      gz: new Uint8Array(gzipSync(out, { level: 9 })),
    }
  } catch {
    page = null
  }
  pages.set(key, page)
  return page
}

function sendPage(c: Context<Env>, page: Page) {
  const accept = c.req.header('accept-encoding') ?? ''
  const headers: Record<string, string> = { 'Content-Type': TYPES['.html']!, Vary: 'Accept-Encoding' }
  const takes = (name: string) =>
    accept
      .split(',')
      .map((part) => part.trim().split(';'))
      .some(([enc, q]) => enc?.trim() === name && !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
  if (takes('br')) return c.body(page.br, 200, { ...headers, 'Content-Encoding': 'br' })
  if (takes('gzip')) return c.body(page.gz, 200, { ...headers, 'Content-Encoding': 'gzip' })
  return c.body(page.html, 200, headers)
}
