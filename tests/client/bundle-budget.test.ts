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
  it('no client chunk carries xstate', () => {
    const withXstate = Object.values(manifest)
      .filter((c) => c.file.endsWith('.js'))
      .filter((c) => /xstate\.(init|error|done|stop)/.test(readFileSync(join(DIST, c.file), 'utf8')))
      .map((c) => c.file)
    expect(withXstate).toEqual([])
  })
})
