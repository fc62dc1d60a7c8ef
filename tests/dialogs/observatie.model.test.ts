import { describe, expect, it } from 'vitest'
import { mayRoleSend } from '../../dialogs/framework/events'
import { findTool } from '../../dialogs/registry'
import { OBSERVE_COLUMNS, PRINCIPLES } from '../../dialogs/observatie/steps'
import { project } from '../../dialogs/projection'
import { describeToolModel, ev, startAt, walkTo } from './model-harness'

const observatie = findTool('observatie')!

describeToolModel(observatie, { ageBand: '0-4', setting: 'begeleid' })

describe('observatie rules', () => {
  const at = (stepId: string) => startAt(observatie, { ageBand: '0-4', setting: 'begeleid' }, stepId)

  it('has the six principles, each with seen / goes well / worries', () => {
    expect(PRINCIPLES).toHaveLength(6)
    for (const p of PRINCIPLES)
      expect(observatie.steps.find((s) => s.id === p)).toMatchObject({ type: 'observe', prompts: OBSERVE_COLUMNS })
  })

  it('is operated by the begeleider; the child side sends nothing', () => {
    expect(observatie.operator).toBe('begeleider')
    expect(mayRoleSend('begeleider', observatie.operator, 'item.add')).toBe(true)
    expect(mayRoleSend('kind', observatie.operator, 'item.add')).toBe(false)
  })

  it('takes words, never a score', () => {
    const a = at('veiligheid')
    const can = (item: object) => a.getSnapshot().can(ev({ type: 'item.add', item: { id: 'item-o-0001', ...item } }))
    expect(can({ prompt: 'zorgen', scale: 3 })).toBe(false)
    expect(can({ prompt: 'zorgen', text: 'x', scale: 3 })).toBe(false)
    expect(can({ prompt: 'onbekend', text: 'x' })).toBe(false)
    expect(can({ prompt: 'gaat-goed', text: 'zoekt troost bij moeder en komt snel tot rust' })).toBe(true)
  })

  it('keeps raw observations from the oudergesprek; what is written for the parent reaches it', () => {
    const a = at('veiligheid')
    a.send(ev({ type: 'item.add', item: { id: 'item-o-zorg-1', prompt: 'zorgen', text: 'schrikt van harde stemmen' } }))
    walkTo(a, 'met-ouder')
    a.send(ev({ type: 'item.add', item: { id: 'item-o-goed-1', prompt: 'goed-vertellen', text: 'troost goed' } }))
    const ctx = a.getSnapshot().context
    expect(ctx.items.map((i) => [i.id, i.share])).toEqual([
      ['item-o-zorg-1', 'begeleider'],
      ['item-o-goed-1', 'begeleider-vertelt'],
    ])
    expect(project(ctx, 'oudergesprek').items.map((i) => i.id)).toEqual(['item-o-goed-1'])
    expect(project(ctx, 'begeleider').items).toHaveLength(2)
  })
})
