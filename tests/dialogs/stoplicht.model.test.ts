import { describe, expect, it } from 'vitest'
import { findTool } from '../../dialogs/registry'
import { describeToolModel, ev, startAt } from './model-harness'

const stoplicht = findTool('stoplicht')!

describeToolModel(stoplicht, { ageBand: '4-7', setting: 'begeleid' })

describe('stoplicht rules', () => {
  const atStep = (stepId: string) => startAt(stoplicht, { ageBand: '8-12', setting: 'begeleid' }, stepId)

  it('gives each subject one colour, which the child can change', () => {
    const a = atStep('plekken')
    a.send(ev({ type: 'item.add', item: { id: 'item-school-1', subject: 'school', colour: 'oranje' } }))
    expect(
      a.getSnapshot().can(ev({ type: 'item.add', item: { id: 'item-school-2', subject: 'school', colour: 'rood' } })),
    ).toBe(false)
    a.send(ev({ type: 'item.update', itemId: 'item-school-1', patch: { colour: 'groen' } }))
    a.send(ev({ type: 'item.update', itemId: 'item-school-1', patch: { followUps: { groener: 'de juf helpt' } } }))
    expect(a.getSnapshot().context.items).toMatchObject([
      { subject: 'school', colour: 'groen', followUps: { groener: 'de juf helpt' }, share: 'begeleider' },
    ])
  })

  it('refuses unknown subjects and own additions without words or pictures', () => {
    const a = atStep('plekken')
    const can = (item: object) => a.getSnapshot().can(ev({ type: 'item.add', item: { id: 'item-x-0001', ...item } }))
    expect(can({ subject: 'de-maan', colour: 'rood' })).toBe(false)
    expect(can({ subject: 'eigen', colour: 'rood' })).toBe(false)
    expect(can({ subject: 'eigen', colour: 'rood', text: 'de bus' })).toBe(true)
    expect(can({ subject: 'school' })).toBe(false)
  })

  it('keeps one place on the safety ladder, moved by updating it', () => {
    const a = atStep('schaal')
    a.send(ev({ type: 'item.add', item: { id: 'item-schaal-1', scale: 3 } }))
    expect(a.getSnapshot().can(ev({ type: 'item.add', item: { id: 'item-schaal-2', scale: 5 } }))).toBe(false)
    a.send(ev({ type: 'item.update', itemId: 'item-schaal-1', patch: { scale: 7 } }))
    expect(a.getSnapshot().context.items[0]).toMatchObject({ stepId: 'schaal', scale: 7 })
    // a patch may not turn the scale answer into something the step does not take
    expect(a.getSnapshot().can(ev({ type: 'item.update', itemId: 'item-schaal-1', patch: { colour: 'rood' } }))).toBe(
      false,
    )
  })
})
