/**
 * What a browser must load before the first screen of each route (docs/decisions/0008-what-loads-when.md): the entry chunk
 * plus the route's lazy chunk and everything both import statically, gzip-compressed. Chunks a screen
 * loads later (dynamic imports) do not count. Reads Vite's manifest, so run it after `vite build`.
 * Shared by tests/bench/bundle.ts (prints) and tests/client/bundle-budget.test.ts (enforces).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

type Chunk = { file: string; imports?: string[]; isEntry?: boolean }
export type Manifest = Record<string, Chunk>

export const ROUTES = {
  kind: 'kind/KindApp.tsx',
  kamer: 'kamer/KamerApp.tsx',
  begeleider: 'begeleider/BegeleiderApp.tsx',
} as const
export type Route = keyof typeof ROUTES

/** KiB gzip. The child routes' hard cap and target, the begeleider's cap. */
export const BUDGET = { kind: 120, kamer: 120, begeleider: 200 } as const
export const TARGET = { kind: 100, kamer: 100 } as const

export const DIST = join(process.cwd(), 'dist/client')

export function readManifest(dist = DIST): Manifest {
  const path = join(dist, '.vite/manifest.json')
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`vite build\` first`)
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest
}

/** The manifest keys of the entry and the route's lazy chunk, with their static imports. */
export function initialChunks(manifest: Manifest, route: Route): string[] {
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)
  const lazy = Object.keys(manifest).find((k) => k.endsWith(ROUTES[route]))
  if (!entry || !lazy) throw new Error(`no ${entry ? ROUTES[route] : 'entry'} in the manifest`)
  const seen = new Set<string>()
  const walk = (k: string) => {
    if (seen.has(k) || !manifest[k]) return
    seen.add(k)
    for (const i of manifest[k].imports ?? []) walk(i)
  }
  walk(entry)
  walk(lazy)
  return [...seen]
}

export const chunkFiles = (manifest: Manifest, keys: string[], dist = DIST) =>
  keys.map((k) => join(dist, manifest[k]!.file))

const gzipBytes = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0)

/** Initial JS of one route in KiB gzip, one decimal. */
export function routeKiB(manifest: Manifest, route: Route, dist = DIST): number {
  return Math.round(gzipBytes(chunkFiles(manifest, initialChunks(manifest, route), dist)) / 102.4) / 10
}

export function allRoutesKiB(manifest = readManifest(), dist = DIST): Record<Route, number> {
  return {
    kind: routeKiB(manifest, 'kind', dist),
    kamer: routeKiB(manifest, 'kamer', dist),
    begeleider: routeKiB(manifest, 'begeleider', dist),
  }
}
