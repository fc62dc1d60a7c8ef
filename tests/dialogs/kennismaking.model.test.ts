import { createActor } from 'xstate'
import { describe, expect, it } from 'vitest'
import { findTool } from '../../dialogs/registry'
import { describeToolModel, ev, startAt } from './model-harness'

const kind = findTool('kennismaking')!
const jongere = findTool('kennismaking-jongere')!

describeToolModel(kind, { ageBand: '4-7', setting: 'begeleid' })
describeToolModel(jongere, { ageBand: '12-15', setting: 'kamer' })

describe('kennismaking rules', () => {
  it('covers what the method asks of a first contact, in that order, for both registers', () => {
    // who your begeleider is, sleeping and playing (or living), school, safety, this week, a question, the pet
    expect(kind.steps.map((s) => s.id)).toEqual([
      'intro',
      'begeleider',
      'slapen',
      'spelen',
      'school',
      'veilig',
      'deze-week',
      'vraag',
      'huisdier',
      'delen',
      'afsluiting',
    ])
    expect(jongere.steps.map((s) => s.id)).toEqual([
      'intro',
      'begeleider',
      'wonen',
      'school',
      'veilig',
      'deze-week',
      'vraag',
      'huisdier',
      'delen',
      'afsluiting',
    ])
    for (const tool of [kind, jongere]) {
      expect(tool.steps.find((s) => s.id === 'begeleider')).toMatchObject({ type: 'info', showsBegeleider: true })
      // only the pet question makes a task
      expect(tool.steps.filter((s) => s.task).map((s) => [s.id, s.task])).toEqual([['huisdier', 'huisdier-opvang']])
    }
  })

  it('gives each idea of the 4-7 intro its own picture, none borrowed from Drie huizen or the Stoplicht', () => {
    for (const tool of [kind, findTool('afscheid')!]) {
      const intro = tool.steps.find((s) => s.id === 'intro')!
      const ideas = ['prompt', ...(intro.prompts ?? [])]
      const pictures = ideas.map((line) => intro.promptPictures?.[line])
      expect(pictures.every(Boolean), `${tool.id}: ${JSON.stringify(pictures)}`).toBe(true)
      expect(new Set(pictures).size, tool.id).toBe(ideas.length)
      expect(pictures).not.toContain('houses')
      expect(pictures).not.toContain('light')
    }
  })

  it('is for 4-12 beside the begeleider, and for 12-18 also in the kamer', () => {
    expect(kind.ageBands).toEqual(['4-7', '8-12'])
    expect(kind.settings).toEqual(['begeleid'])
    expect(jongere.ageBands).toEqual(['12-15', '16-18'])
    expect(jongere.settings).toEqual(['begeleid', 'kamer'])
  })

  it('takes a pet answer in pictures only (a child who cannot write yet), at the guided level', () => {
    const a = startAt(kind, { ageBand: '4-7', setting: 'begeleid' }, 'huisdier')
    a.send(ev({ type: 'item.add', item: { id: 'item-pet-0001', pictures: ['pet', 'home'] } }))
    expect(a.getSnapshot().context.items).toMatchObject([
      { id: 'item-pet-0001', stepId: 'huisdier', share: 'begeleider', pictures: ['pet', 'home'] },
    ])
  })

  it('in the kamer a pet answer starts as "alleen ik", like every kamer answer', () => {
    const a = startAt(jongere, { ageBand: '16-18', setting: 'kamer' }, 'huisdier')
    a.send(ev({ type: 'item.add', item: { id: 'item-pet-0002', text: 'onze kat is bij de buren' } }))
    expect(a.getSnapshot().context.items[0]).toMatchObject({ stepId: 'huisdier', share: 'alleen-ik' })
  })

  it('takes no answer on the explaining screens: the begeleider and safety steps only tell', () => {
    for (const stepId of ['begeleider', 'veilig']) {
      const a = startAt(kind, { ageBand: '8-12', setting: 'begeleid' }, stepId)
      expect(a.getSnapshot().can(ev({ type: 'item.add', item: { id: 'item-info-0001', text: 'x' } }))).toBe(false)
    }
  })

  it('can be skipped past the pet question, and the skip is visible', () => {
    const a = startAt(kind, { ageBand: '8-12', setting: 'begeleid' }, 'huisdier')
    a.send(ev({ type: 'nav.skip' }))
    expect(a.getSnapshot().context.skipped).toEqual(['huisdier'])
    expect(a.getSnapshot().value).toEqual({ actief: 'delen' })
  })

  it('a fresh actor starts on the introduction', () => {
    const a = createActor(jongere.machine, { input: { ageBand: '12-15', setting: 'begeleid' } }).start()
    expect(a.getSnapshot().value).toEqual({ actief: 'intro' })
  })
})
