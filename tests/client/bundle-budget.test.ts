// @vitest-environment node
/**
 * The bundle budget as a test: the JS a route loads before its first screen stays within budget (ADR 0008).
 * Reads the build in dist/client: `npm test` runs `vite build` before vitest.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUDGET, chunkFiles, DIST, initialChunks, readManifest, routeKiB, type Route } from '../bench/route-js'

const manifest = readManifest()
const initialSource = (route: Route) =>
  chunkFiles(manifest, initialChunks(manifest, route)).map((f) => readFileSync(f, 'utf8'))

describe('client bundle budget', () => {
  it.each(['kind', 'kamer', 'begeleider'] as const)('/%s initial JS (gzip) is within its budget', (route) => {
    const kib = routeKiB(manifest, route)
    expect(kib, `/${route}: ${kib} KiB gzip, budget ${BUDGET[route]} KiB`).toBeLessThanOrEqual(BUDGET[route])
  })

  // The child's first screen is a code or PIN form: the contract (zod) loads with the gesprek behind it.
  it.each(['kind', 'kamer'] as const)('/%s does not load zod before its first screen', (route) => {
    const withZod = initialSource(route).filter((src) => src.includes('ZodString'))
    expect(withZod, `/${route} initial chunks include zod`).toEqual([])
  })

  // The statechart runs on the server only (architecture): the client imports catalog.ts, never registry.ts.
  // The one exception is the admin's tool preview, which runs a draft's machine in its own lazy chunk
  // (docs/decisions/0075-tool-versions-per-organisation.md); no child or begeleider screen loads it.
  it('no client chunk carries xstate, except the tool preview of the editor', () => {
    const [key, preview] =
      Object.entries(manifest).find(([src]) => src.endsWith('begeleider/beheer/preview-machine.ts')) ?? []
    expect(preview, 'the preview machine is its own lazy chunk').toBeDefined()
    // Its own chunk, and what it imports that nothing else imports.
    const others = Object.entries(manifest).filter(([k]) => k !== key)
    const own = new Set([
      preview!.file,
      ...(preview!.imports ?? [])
        .filter((i) => !others.some(([, c]) => c.imports?.includes(i)))
        .map((i) => manifest[i]!.file),
    ])
    const withXstate = Object.values(manifest)
      .filter((c) => c.file.endsWith('.js') && !own.has(c.file))
      .filter((c) => /xstate\.(init|error|done|stop)/.test(readFileSync(join(DIST, c.file), 'utf8')))
      .map((c) => c.file)
    expect(withXstate).toEqual([])
  })
})
