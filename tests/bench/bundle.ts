/**
 * Client bundle size per route (PERF-06): the JS a browser must load before the first screen of /kind,
 * /begeleider (and /kamer when present), gzip-compressed. Reads Vite's manifest; run after `vite build`.
 * Prints JSON; budgets are reported, not enforced here.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

type Chunk = { file: string; imports?: string[]; dynamicImports?: string[]; src?: string; isEntry?: boolean }
const dist = join(process.cwd(), 'dist/client')
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>

function closure(keys: string[]): Set<string> {
  const seen = new Set<string>()
  const walk = (k: string) => {
    if (seen.has(k) || !manifest[k]) return
    seen.add(k)
    for (const i of manifest[k].imports ?? []) walk(i)
  }
  keys.forEach(walk)
  return seen
}
const gz = (keys: Set<string>) =>
  [...keys].reduce((sum, k) => sum + gzipSync(readFileSync(join(dist, manifest[k]!.file))).length, 0)

const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!
const route = (lazy: string) => {
  const key = Object.keys(manifest).find((k) => k.endsWith(lazy))
  return key ? Math.round(gz(closure([entry, key])) / 102.4) / 10 : null
}
console.log(
  JSON.stringify(
    {
      metric: 'initial JS per route, KiB gzip',
      kind: route('kind/KindApp.tsx'),
      kamer: route('kamer/KamerApp.tsx'),
      begeleider: route('begeleider/BegeleiderApp.tsx'),
      budget: { kind: 120, kindTarget: 100, begeleider: 200 },
    },
    null,
    2,
  ),
)
