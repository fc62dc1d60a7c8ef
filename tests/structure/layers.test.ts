import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CATALOG } from '../../dialogs/catalog'
import { TOOLS } from '../../dialogs/registry'

/**
 * The layering of dialogs/ (docs/architecture.md): the contract at the bottom, importing only zod;
 * the framework and the rules above it; no cycles; a tool folder is its step list only.
 * ESLint keeps server/ and client/ out of dialogs/; this keeps dialogs/ in order inside.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const DIALOGS = join(ROOT, 'dialogs')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:(?:import|export)\s[^=;()'"]*?from\s*|import\s*)'([^']+)'/gm)].map(
    (m) => m[1]!,
  )
const resolveLocal = (from: string, spec: string) => {
  const base = resolve(dirname(from), spec)
  return [base + '.ts', join(base, 'index.ts')].find((f) => FILES.includes(f)) ?? base
}
const FILES = sources(DIALOGS)
const name = (f: string) => relative(ROOT, f)

describe('dialogs/ layering', () => {
  it('the contract imports nothing but zod and itself', () => {
    const outside = FILES.filter((f) => name(f).startsWith('dialogs/contract/')).flatMap((f) =>
      importsOf(f)
        .filter((spec) => spec !== 'zod' && !spec.startsWith('./'))
        .map((spec) => `${name(f)} → ${spec}`),
    )
    expect(outside).toEqual([])
  })

  it('has no import cycle', () => {
    const graph = new Map(
      FILES.map((f) => [
        f,
        importsOf(f)
          .filter((s) => s.startsWith('.'))
          .map((s) => resolveLocal(f, s)),
      ]),
    )
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return
      if (state.get(f) === 'open') return void cycles.push([...path.slice(path.indexOf(f)), f].map(name).join(' → '))
      state.set(f, 'open')
      for (const next of graph.get(f) ?? []) visit(next, [...path, f])
      state.set(f, 'done')
    }
    for (const f of FILES) visit(f, [])
    expect(cycles).toEqual([])
  })

  it('a tool folder holds its step list and nothing else; the registry is the catalogue with machines', () => {
    for (const info of CATALOG) {
      expect(readdirSync(join(DIALOGS, info.id))).toEqual(['steps.ts'])
      expect(info.namespace).toBe(`tool-${info.id}`)
    }
    expect(TOOLS.map((t) => t.id)).toEqual(CATALOG.map((t) => t.id))
    TOOLS.forEach((t, i) => expect(t.steps).toBe(CATALOG[i]!.steps))
  })
})
