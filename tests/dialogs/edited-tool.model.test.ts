import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LANGUAGE_CODES } from '../../dialogs/contract/languages'
import type { ToolVersionDoc } from '../../dialogs/contract/tool-version'
import { buildToolMachine } from '../../dialogs/framework/build'
import { controlsHold } from '../../dialogs/framework/controls'
import { checkDoc } from '../../dialogs/framework/tool-rules'
import { flattenTexts, newSlotId, offeredLanguages, textKeys, toolFromDoc } from '../../dialogs/framework/texts'
import type { ToolDef } from '../../dialogs/framework/tool'
import { findTool } from '../../dialogs/registry'
import { builtinDoc, EDITABLE_TOOLS, textsOnly } from '../../server/tools/builtin'
import { describeToolModel, ev, startAt } from './model-harness'

/** A trainer's edit of the Stoplicht: no ladder, the "what helps" step first, a new step of her own. */
function editedStoplicht(): ToolVersionDoc {
  const doc = builtinDoc('stoplicht')!
  const byId = (id: string) => doc.steps.find((s) => s.id === id)!
  const own = { id: 'stap-k3x9qa', type: 'items' as const, prompts: ['vraag-b00s12'], followUps: ['door-1a2b3c'] }
  const plekken = { ...byId('plekken'), prompts: ['school', 'vraag-bus123', 'opvang'] }
  return {
    ...doc,
    steps: [byId('intro'), byId('nodig'), plekken, own, byId('delen'), byId('afsluiting')],
    texts: {
      nl: {
        ...doc.texts.nl,
        'steps.stap-k3x9qa': 'Mijn dag',
        'stap-k3x9qa.title': 'Hoe was je dag?',
        'stap-k3x9qa.prompt': 'Vertel over je dag.',
        'stap-k3x9qa.prompts.vraag-b00s12': 'Vandaag',
        'stap-k3x9qa.followUps.door-1a2b3c': 'Wie was erbij?',
        'plekken.prompts.vraag-bus123': 'In de bus',
      },
    },
  }
}

function asTool(doc: ToolVersionDoc, version: number): ToolDef {
  const info = toolFromDoc(findTool(doc.toolId)!, doc, version)
  return { ...info, machine: buildToolMachine(doc.toolId, info.version, doc.steps) }
}

const edited = asTool(editedStoplicht(), 2)

/** A texts-only version of Mijn kamer (ADR 0140): other words, the built-in's own steps and machine. */
function reworded(): ToolDef {
  const doc = builtinDoc('mijn-kamer')!
  const texts = { ...doc.texts, nl: { ...doc.texts.nl, 'modules.questions.thuis.hoe': 'Hoe is het thuis?' } }
  const info = toolFromDoc(findTool('mijn-kamer')!, { ...doc, texts }, 2)
  return { ...info, machine: buildToolMachine('mijn-kamer', info.version, info.steps) }
}
describeToolModel(reworded(), { ageBand: '16-18', setting: 'kamer' })

// Every path through the edited tool: pause, stop, skip and back on every step, items where allowed.
describeToolModel(edited, { ageBand: '8-12', setting: 'begeleid' })

describe('a tool built from an edited step list', () => {
  it('keeps the rules: publishable in Dutch only, controls on every step', () => {
    const doc = editedStoplicht()
    expect(checkDoc(doc, 'stoplicht', { publishing: true })).toEqual([])
    expect(controlsHold('stoplicht', doc.steps)).toBe(true)
    expect(offeredLanguages(doc)).toEqual(['nl'])
  })

  it('takes answers for its new place and its new step, and none for the removed ladder', () => {
    const a = startAt(edited, { ageBand: '8-12', setting: 'begeleid' }, 'plekken')
    a.send(ev({ type: 'item.add', item: { id: 'item-bus-0001', subject: 'vraag-bus123', colour: 'oranje' } }))
    expect(a.getSnapshot().context.items).toHaveLength(1)
    const removed = ev({ type: 'item.add', item: { id: 'item-slp-0001', subject: 'slapen', colour: 'rood' } })
    expect(a.getSnapshot().can(removed)).toBe(false)
    a.send(ev({ type: 'nav.next' }))
    a.send(ev({ type: 'item.add', item: { id: 'item-day-0001', text: 'school', prompt: 'vraag-b00s12' } }))
    a.send(ev({ type: 'item.update', itemId: 'item-day-0001', patch: { followUps: { 'door-1a2b3c': 'juf' } } }))
    expect(a.getSnapshot().context.items[1]).toMatchObject({
      stepId: 'stap-k3x9qa',
      followUps: { 'door-1a2b3c': 'juf' },
    })
    a.send(ev({ type: 'nav.next' }))
    expect(a.getSnapshot().value).toEqual({ actief: 'delen' })
  })
})

describe('the built-in tools as version 1', () => {
  for (const toolId of EDITABLE_TOOLS.filter((id) => !textsOnly(id))) {
    it(`${toolId}: its keys are exactly its locale's, complete and publishable in all eight languages`, () => {
      const doc = builtinDoc(toolId)!
      const nl = flattenTexts(JSON.parse(readFileSync(join('locales/nl', `tool-${toolId}.json`), 'utf8')))
      // A register's variants (`_jong` for 4-7) and a living situation's (`_ambulant`, ADR 0110) are not
      // slots of their own: an edited version words every band and situation alike, and i18next falls back
      // to the plain key (ADR 0075).
      const slots = Object.keys(nl).filter((k) => !/_(jong|jongere|ambulant)$/.test(k))
      expect(new Set(textKeys(doc.steps).map(([k]) => k))).toEqual(new Set(slots))
      expect(checkDoc(doc, toolId, { publishing: true })).toEqual([])
      expect(offeredLanguages(doc)).toEqual(LANGUAGE_CODES)
    })
  }

  for (const toolId of EDITABLE_TOOLS.filter((id) => textsOnly(id))) {
    it(`${toolId} (texts only): every text of its locale, register variants too, publishable in all eight`, () => {
      const doc = builtinDoc(toolId)!
      const locked = textsOnly(toolId)!
      for (const lang of LANGUAGE_CODES) {
        const all = flattenTexts(JSON.parse(readFileSync(join(`locales/${lang}`, `tool-${toolId}.json`), 'utf8')))
        expect(doc.texts[lang]).toEqual(all)
      }
      expect(locked.keys.map(([k]) => k)).toEqual(Object.keys(doc.texts.nl!))
      expect(checkDoc(doc, toolId, { publishing: true, textsOnly: locked })).toEqual([])
      expect(controlsHold(toolId, doc.steps)).toBe(true)
      expect(offeredLanguages(doc, locked.keys)).toEqual(LANGUAGE_CODES)
      // Its version runs the built-in's own steps, whatever the document says.
      expect(toolFromDoc(findTool(toolId)!, doc, 2).steps).toBe(findTool(toolId)!.steps)
    })
  }

  it('makes new ids once, never one that is taken', () => {
    let n = 0
    const sequence = [0, 0, 0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]
    const id = newSlotId('vraag', ['vraag-000000'], () => sequence[n++ % sequence.length]!)
    expect(id).toBe('vraag-iiiiii')
    expect(id).toMatch(/^[a-z][a-z0-9-]{0,39}$/)
  })
})
