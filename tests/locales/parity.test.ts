import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOG } from '../../dialogs/catalog'
import { ERROR_CODES } from '../../dialogs/contract/errors'
import { AgeBand } from '../../dialogs/contract/ids'
import { SHARE_LEVELS } from '../../dialogs/sharing'

const ROOT = join(process.cwd(), 'locales')
const LANGS = readdirSync(ROOT)
type Tree = { [k: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out[key] = v
    else Object.assign(out, flatten(v, key))
  }
  return out
}
const load = (lng: string, ns: string) =>
  flatten(JSON.parse(readFileSync(join(ROOT, lng, `${ns}.json`), 'utf8')) as Tree)
const namespaces = (lng: string) =>
  readdirSync(join(ROOT, lng))
    .map((f) => f.replace(/\.json$/, ''))
    .sort()
const stripPlural = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '')

/** Every key used by source code through t('...') must exist: collected from client/ with a plain scan. */
function sourceKeys(): string[] {
  const keys = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name)
      if (entry.isDirectory()) walk(p)
      else if (/\.tsx?$/.test(entry.name))
        for (const m of readFileSync(p, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9:._-]+)'/g)) keys.add(m[1]!)
    }
  }
  walk(join(process.cwd(), 'client'))
  return [...keys]
}

describe('locales', () => {
  it('has nl as the source language and en beside it', () => {
    expect(LANGS.sort()).toEqual(['en', 'nl'])
  })

  for (const lng of LANGS) {
    it(`${lng}: same namespaces and keys as nl`, () => {
      expect(namespaces(lng)).toEqual(namespaces('nl'))
      for (const ns of namespaces('nl')) {
        const source = Object.keys(load('nl', ns)).map(stripPlural).sort()
        const other = Object.keys(load(lng, ns)).map(stripPlural).sort()
        expect(other, `${lng}/${ns}`).toEqual(source)
        for (const [k, v] of Object.entries(load(lng, ns))) expect(v.trim(), `${lng}/${ns}:${k} is empty`).not.toBe('')
      }
    })

    it(`${lng}: every error code, share level, age band and tool has its text`, () => {
      const errors = load(lng, 'errors')
      for (const code of ERROR_CODES) expect(errors[code], code).toBeTruthy()
      const common = load(lng, 'common')
      for (const level of SHARE_LEVELS) expect(common[`share.level.${level}`], level).toBeTruthy()
      for (const band of AgeBand.options) expect(common[`begeleider.ageBands.${band}`], band).toBeTruthy()
      for (const tool of CATALOG) expect(common[`tools.${tool.id}`], tool.id).toBeTruthy()
    })

    it(`${lng}: every step of every tool has its title, prompt, sub-prompts, follow-ups and pictures`, () => {
      const common = load(lng, 'common')
      for (const tool of CATALOG) {
        const keys = load(lng, tool.namespace)
        for (const step of tool.steps) {
          expect(keys[`steps.${step.id}`], `${tool.id} steps.${step.id}`).toBeTruthy()
          expect(keys[`${step.id}.title`], `${tool.id} ${step.id}.title`).toBeTruthy()
          expect(keys[`${step.id}.prompt`], `${tool.id} ${step.id}.prompt`).toBeTruthy()
          for (const f of step.followUps ?? [])
            expect(keys[`${step.id}.followUps.${f}`], `${tool.id} ${step.id} ${f}`).toBeTruthy()
          for (const p of step.prompts ?? [])
            expect(
              keys[`${step.id}.prompts.${p}`] ?? keys[`${step.id}.${p}`],
              `${tool.id} ${step.id} ${p}`,
            ).toBeTruthy()
          for (const pic of step.pictures ?? []) expect(common[`pictures.${pic}`], pic).toBeTruthy()
        }
      }
    })

    it(`${lng}: every literal key the client uses exists`, () => {
      const all = Object.fromEntries(
        namespaces(lng).map((ns) => [ns, new Set(Object.keys(load(lng, ns)).map(stripPlural))]),
      )
      const used = sourceKeys()
      expect(used.length).toBeGreaterThan(30) // the scan itself works
      for (const key of used) {
        const [ns, k] = key.includes(':') ? key.split(':') : ['common', key]
        expect(all[ns!]?.has(k!), `${lng}: ${key}`).toBe(true)
      }
    })
  }
})
