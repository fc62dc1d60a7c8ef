import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { start } = useServers()

/** A built client in miniature: one hashed script with its precompressed copies, and the HTML. */
function dist() {
  const dir = tempDir('kg-dist-')
  mkdirSync(join(dir, 'assets'))
  const js = Buffer.from('console.info("kindgesprek");'.repeat(100))
  writeFileSync(join(dir, 'assets/index-abc123.js'), js)
  writeFileSync(join(dir, 'assets/index-abc123.js.br'), brotliCompressSync(js))
  writeFileSync(join(dir, 'assets/index-abc123.js.gz'), gzipSync(js))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>kindgesprek</title>')
  return { dir, js }
}

describe('static client files', () => {
  it('sends the precompressed copy the browser takes, with Vary and immutable caching', async () => {
    const { dir, js } = dist()
    const server = await start({ distDir: dir })
    // fetch decodes br and gzip itself: the body must come out as the original script either way.
    const get = (accept: string) =>
      fetch(`${server.url}/assets/index-abc123.js`, { headers: { 'accept-encoding': accept } }).then(async (r) => ({
        headers: r.headers,
        body: Buffer.from(await r.arrayBuffer()),
      }))
    const br = await fetch(`${server.url}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'gzip, br' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toBe('Accept-Encoding')
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(Buffer.from(await br.arrayBuffer())).toEqual(js)

    const gz = await get('gzip')
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gz.body).toEqual(js)

    const plain = await get('identity')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.body).toEqual(js)
    // brotli refused explicitly: gzip
    expect((await get('br;q=0, gzip')).headers.get('content-encoding')).toBe('gzip')
  })

  it('never lets a browser keep the HTML of a route, so a new build is picked up at once', async () => {
    const { dir } = dist()
    const server = await start({ distDir: dir })
    for (const path of ['/', '/kind', '/kamer', '/begeleider']) {
      const res = await fetch(server.url + path)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(await res.text()).toContain('kindgesprek')
    }
  })

  it('names the route’s own screen, its imports and the text font and the first screen’s texts in the HTML, so they load beside the entry', async () => {
    const { dir } = dist()
    mkdirSync(join(dir, '.vite'))
    writeFileSync(
      join(dir, '.vite/manifest.json'),
      JSON.stringify({
        'main.tsx': { file: 'assets/index-abc123.js', isEntry: true, imports: ['_shared.js'] },
        '_shared.js': { file: 'assets/shared-111.js' },
        'kind/KindApp.tsx': {
          file: 'assets/KindApp-222.js',
          imports: ['_shared.js', '_steps.js'],
          css: ['assets/KindApp-333.css'],
        },
        '_steps.js': { file: 'assets/steps-444.js' },
        'kamer/KamerApp.tsx': { file: 'assets/KamerApp-555.js' },
        'kamer/Room.tsx': {
          file: 'assets/Room-666.js',
          imports: ['_shared.js', '_view.js'],
          css: ['assets/Room-777.css'],
        },
        '_view.js': { file: 'assets/view-888.js' },
        'net/api-client.ts': { file: 'assets/api-client-999.js', imports: ['_view.js'] },
        '../locales/nl/common.json': { file: 'assets/common-nl1.js', isDynamicEntry: true },
        '../locales/nl/errors.json': { file: 'assets/errors-nl2.js', isDynamicEntry: true },
        '../locales/nl/kamer.json': { file: 'assets/kamer-nl3.js', isDynamicEntry: true },
        '../locales/nl/screens.json': { file: 'assets/screens-nl5.js', isDynamicEntry: true },
        '../locales/en/common.json': { file: 'assets/common-en4.js', isDynamicEntry: true },
      }),
    )
    writeFileSync(join(dir, 'assets/atkinson-hyperlegible-latin-400-normal-abc.woff2'), 'font')
    writeFileSync(join(dir, 'assets/atkinson-hyperlegible-latin-700-normal-def.woff2'), 'font')
    writeFileSync(join(dir, 'assets/atkinson-hyperlegible-latin-ext-700-normal-ghi.woff2'), 'font')
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><head><title>kindgesprek</title><script type="module" src="/assets/index-abc123.js"></script><link rel="modulepreload" href="/assets/shared-111.js"></head>',
    )
    const server = await start({ distDir: dir })
    const res = await fetch(`${server.url}/kind`, { headers: { 'accept-encoding': 'br' } })
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/KindApp-222.js">')
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/steps-444.js">')
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/KindApp-333.css">')
    expect(html).toContain('href="/assets/atkinson-hyperlegible-latin-400-normal-abc.woff2"')
    // The join screen's bar is bold: a bold face arriving after the first screen re-wrapped it (layout shift).
    expect(html).toContain('href="/assets/atkinson-hyperlegible-latin-700-normal-def.woff2"')
    expect(html).not.toContain('latin-ext')
    // Named once (the HTML has it already), and nothing of another route.
    expect(html.split('shared-111.js').length).toBe(2)
    expect(html).not.toContain('KamerApp')
    // The first screen's words in the source language (always loaded: it is the fallback), beside the entry.
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/common-nl1.js">')
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/errors-nl2.js">')
    expect(html).not.toContain('common-en4.js')
    expect(html).not.toContain('kamer-nl3.js')
    const kamer = await (await fetch(`${server.url}/kamer`)).text()
    expect(kamer).toContain('KamerApp-555.js')
    // The PIN screen's words are in the kamer namespace: it was the last thing its largest paint waited for.
    expect(kamer).toContain('<link rel="modulepreload" crossorigin href="/assets/kamer-nl3.js">')
    // And a wrong PIN's line in screens: the PIN screen suspended on it, a round trip after the rest.
    expect(kamer).toContain('<link rel="modulepreload" crossorigin href="/assets/screens-nl5.js">')
    // The room's code and the typed client are named for later, not as links: fetched once the PIN screen
    // is up, they must not share the slow line with it (client/net/prefetch.ts). What the HTML loads
    // already is not named again.
    expect(kamer).toContain(
      '<meta name="kg-prefetch" content="/assets/Room-666.js /assets/view-888.js /assets/api-client-999.js /assets/Room-777.css">',
    )
    expect(kamer).not.toMatch(/<link[^>]*(Room-666|view-888|api-client-999|Room-777)/)
    expect(html).not.toContain('kg-prefetch')
    // Elsewhere the bold face waits: preloaded, it came before the script on a slow line.
    expect(kamer).toContain('latin-400-normal')
    expect(kamer).not.toContain('latin-700-normal')
  })
})
