import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOG } from '../../dialogs/catalog'
import { allowedPrompts } from '../../dialogs/framework/build'
import { findTool } from '../../dialogs/registry'

type Tree = { [k: string]: string | Tree }
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((out, [k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k
    return typeof v === 'string' ? { ...out, [key]: v } : { ...out, ...flatten(v, key) }
  }, {})
const load = (lng: string, ns: string) =>
  flatten(JSON.parse(readFileSync(join(process.cwd(), 'locales', lng, `${ns}.json`), 'utf8')) as Tree)

const LIBRARY = ['observatie', 'drie-huizen', 'stoplicht', 'mijn-netwerk', 'mijn-kamer']

describe('the tool library', () => {
  it('has the five method tools with their bands, operators and settings', () => {
    const shape = LIBRARY.map((id) => {
      const t = findTool(id)!
      return [id, t.ageBands.join(' '), t.operator, t.settings.join(' ')]
    })
    expect(shape).toEqual([
      ['observatie', '0-4', 'begeleider', 'begeleid'],
      ['drie-huizen', '4-7 8-12', 'kind', 'begeleid'],
      ['stoplicht', '4-7 8-12', 'kind', 'begeleid'],
      ['mijn-netwerk', '8-12 12-15 16-18', 'kind', 'begeleid kamer'],
      ['mijn-kamer', '12-15 16-18', 'kind', 'begeleid kamer'],
    ])
    for (const id of LIBRARY) expect(findTool(id)!.machine.id).toBe(id)
  })

  for (const lng of ['nl', 'en'])
    it(`${lng}: every module question, scale anchor and per-prompt picture has its text`, () => {
      const pictures = load(lng, 'common')
      const steps = load(lng, 'steps')
      for (const tool of CATALOG.filter((t) => LIBRARY.includes(t.id))) {
        const keys = load(lng, tool.namespace)
        for (const step of tool.steps) {
          for (const [sub, questions] of Object.entries(step.questions ?? {}))
            for (const q of questions) {
              expect(keys[`${step.id}.questions.${sub}.${q.id}`], `${tool.id} ${sub}.${q.id}`).toBeTruthy()
              for (const p of q.pictures ?? []) expect(pictures[`pictures.${p}`], p).toBeTruthy()
              if (q.answer === 'scale')
                for (const end of ['low', 'high'])
                  expect(keys[`${step.id}.anchors.${sub}.${q.id}.${end}`], `${tool.id} anchor ${end}`).toBeTruthy()
            }
          if (step.type === 'modules')
            for (const m of step.prompts ?? [])
              expect(keys[`${step.id}.about.${m}`], `${tool.id} about ${m}`).toBeTruthy()
          if (step.type === 'scale')
            for (const end of ['low', 'high'])
              expect(keys[`${step.id}.anchors.${end}`], `${tool.id} ${end}`).toBeTruthy()
          if (step.type === 'stoplicht') {
            expect(keys[`${step.id}.eigen`]).toBeTruthy()
            expect(keys[`${step.id}.eigenHint`]).toBeTruthy()
          }
          for (const pic of Object.values(step.promptPictures ?? {}))
            expect(pictures[`pictures.${pic}`], pic).toBeTruthy()
          // Adult-register variants must stand beside a plain key, or the younger band would see nothing
          for (const k of Object.keys(keys).filter((k) => k.endsWith('_jongere')))
            expect(keys[k.replace(/_jongere$/, '')], `${tool.id} ${k}`).toBeTruthy()
        }
      }
      for (const k of ['colour.groen', 'colour.oranje', 'colour.rood', 'netwerk.mustNotKnow', 'scale.chosen'])
        expect(steps[k], k).toBeTruthy()
    })

  it('the Signs of Safety anchors of Mijn kamer keep their meaning: 10 safe enough, 0 certain harm', () => {
    const nl = load('nl', 'tool-mijn-kamer')
    expect(nl['modules.anchors.veiligheid.schaal.high']).toMatch(/^10: .*veilig genoeg/)
    expect(nl['modules.anchors.veiligheid.schaal.low']).toMatch(/^0: het is zeker/)
  })

  it('every sub-prompt an item may carry is a key the screens can show', () => {
    for (const tool of CATALOG.filter((t) => LIBRARY.includes(t.id)))
      for (const step of tool.steps) for (const p of allowedPrompts(step)) expect(p).toMatch(/^[a-zA-Z0-9.-]{1,40}$/)
  })

  it('no child-facing text asks to choose between parents, and none promises absolute secrecy', () => {
    const childTools = CATALOG.filter((t) => LIBRARY.includes(t.id) && t.operator === 'kind')
    for (const tool of childTools)
      for (const [k, v] of Object.entries(load('nl', tool.namespace))) {
        expect(v, `${tool.id} ${k}`).not.toMatch(/\b(kies|kiezen) tussen\b|liever bij (papa|mama)|wie van je ouders/i)
        expect(v, `${tool.id} ${k}`).not.toMatch(
          /niemand (zal|mag) het (ooit )?weten|blijft altijd geheim|helemaal geheim/i,
        )
      }
    // and every child tool says honestly that a begeleider must act when a child is not safe
    for (const tool of childTools) {
      const intro = load('nl', tool.namespace)
      expect(intro['intro.honest'], tool.id).toMatch(/veilig/)
    }
  })
})
