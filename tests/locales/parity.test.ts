import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOG } from '../../dialogs/catalog'
import { ERROR_CODES } from '../../dialogs/contract/errors'
import { AgeBand } from '../../dialogs/contract/ids'
import { LANGUAGES, SOURCE_LANGUAGE, WORKSPACE_NAMESPACES } from '../../dialogs/contract/languages'
import { SHARE_LEVELS } from '../../dialogs/sharing'

const ROOT = join(process.cwd(), 'locales')
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
const filesOf = (lng: string) =>
  readdirSync(join(ROOT, lng))
    .map((f) => f.replace(/\.json$/, ''))
    .sort()
const PLURAL = /_(zero|one|two|few|many|other)$/
const stripPlural = (k: string) => k.replace(PLURAL, '')
/** The plural forms a language has (i18next uses the same Intl rules for its suffixes). */
const pluralForms = (lng: string) => new Intl.PluralRules(lng).resolvedOptions().pluralCategories.slice().sort()
const vars = (s: string) => [...new Set([...s.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!))].sort()

/** A namespace a child or jongere reads: complete in every language. The workspace's own: in its languages. */
const isWorkspace = (ns: string) => (WORKSPACE_NAMESPACES as readonly string[]).includes(ns)
const expectedNamespaces = (lng: (typeof LANGUAGES)[number]) =>
  filesOf(SOURCE_LANGUAGE).filter((ns) => lng.workspace || !isWorkspace(ns))

/**
 * One language's keys as the source's: each plural base with exactly that language's plural forms,
 * every other key once. Returns what differs, so a failure names the keys.
 */
export function compare(source: Record<string, string>, other: Record<string, string>, lng: string) {
  const problems: string[] = []
  const plurals = new Set(
    Object.keys(source)
      .filter((k) => PLURAL.test(k))
      .map(stripPlural),
  )
  const want = new Set<string>()
  for (const k of Object.keys(source)) {
    if (PLURAL.test(k)) for (const f of pluralForms(lng)) want.add(`${stripPlural(k)}_${f}`)
    else want.add(k)
  }
  for (const k of want) if (!(k in other)) problems.push(`missing ${k}`)
  for (const k of Object.keys(other)) if (!want.has(k)) problems.push(`extra ${k}`)
  for (const [k, v] of Object.entries(other)) {
    if (!v.trim()) problems.push(`empty ${k}`)
    const base = stripPlural(k)
    const sourceText = plurals.has(base) ? (source[`${base}_other`] ?? '') : source[k]
    if (sourceText === undefined) continue
    // A plural form may leave {{count}} out ("one" said as a word), never add or lose another variable.
    const got = vars(v).filter((x) => !(plurals.has(base) && x === 'count'))
    const expected = vars(sourceText).filter((x) => !(plurals.has(base) && x === 'count'))
    if (got.join() !== expected.join()) problems.push(`variables ${k}: ${got.join()} ≠ ${expected.join()}`)
  }
  return problems
}

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
  it('has a folder for every language in the table, and no other', () => {
    expect(readdirSync(ROOT).sort()).toEqual(LANGUAGES.map((l) => l.code).sort())
  })

  it('the comparison catches a missing key, an extra key, a changed variable and a wrong plural form', () => {
    const source = { a: 'Hoi {{name}}', n_one: '{{count}} ding', n_other: '{{count}} dingen' }
    expect(compare(source, { a: 'Hi {{naam}}', n_one: 'x', n_other: 'y' }, 'en')).toEqual(['variables a: naam ≠ name'])
    expect(compare(source, { n_one: 'x', n_other: 'y', b: 'z' }, 'en')).toEqual(['missing a', 'extra b'])
    // Polish has four forms: two are not enough
    expect(compare(source, { a: 'Cześć {{name}}', n_one: 'x', n_other: 'y' }, 'pl')).toEqual([
      'missing n_few',
      'missing n_many',
    ])
  })

  for (const lng of LANGUAGES) {
    it(`${lng.code}: same keys, variables and plural forms as ${SOURCE_LANGUAGE}`, () => {
      expect(existsSync(join(ROOT, lng.code)), lng.code).toBe(true)
      expect(filesOf(lng.code), `${lng.code}: namespaces`).toEqual(expectedNamespaces(lng))
      for (const ns of expectedNamespaces(lng))
        expect(compare(load(SOURCE_LANGUAGE, ns), load(lng.code, ns), lng.code), `${lng.code}/${ns}`).toEqual([])
    })

    it(`${lng.code}: every error code, share level, age band and tool has its text`, () => {
      const errors = load(lng.code, 'errors')
      for (const code of ERROR_CODES) expect(errors[code], code).toBeTruthy()
      const common = load(lng.code, 'common')
      for (const level of SHARE_LEVELS) expect(common[`share.level.${level}`], level).toBeTruthy()
      for (const band of AgeBand.options) expect(common[`begeleider.ageBands.${band}`], band).toBeTruthy()
      for (const tool of CATALOG) expect(common[`tools.${tool.id}`], tool.id).toBeTruthy()
    })

    it(`${lng.code}: every step of every tool a child or jongere uses has its title, prompt, follow-ups and pictures`, () => {
      const common = load(lng.code, 'common')
      for (const tool of CATALOG) {
        if (!lng.workspace && isWorkspace(tool.namespace)) continue
        const keys = load(lng.code, tool.namespace)
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

    it(`${lng.code}: every literal key the client uses exists`, () => {
      const all = Object.fromEntries(
        filesOf(lng.code).map((ns) => [ns, new Set(Object.keys(load(lng.code, ns)).map(stripPlural))]),
      )
      const used = sourceKeys()
      expect(used.length).toBeGreaterThan(30) // the scan itself works
      for (const key of used) {
        const [ns, k] = key.includes(':') ? key.split(':') : ['common', key]
        if (!lng.workspace && isWorkspace(ns!)) continue
        expect(all[ns!]?.has(k!), `${lng.code}: ${key}`).toBe(true)
      }
    })
  }
})
