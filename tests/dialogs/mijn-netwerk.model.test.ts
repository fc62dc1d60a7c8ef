import { createActor } from 'xstate'
import { describe, expect, it } from 'vitest'
import { findTool } from '../../dialogs/registry'
import { describeToolModel, ev } from './model-harness'

const mijnNetwerk = findTool('mijn-netwerk')!

describeToolModel(mijnNetwerk, { ageBand: '12-15', setting: 'kamer' })

describe('mijn-netwerk rules', () => {
  const start = (setting: 'begeleid' | 'kamer') => {
    const a = createActor(mijnNetwerk.machine, { input: { ageBand: '8-12', setting } }).start()
    a.send(ev({ type: 'nav.next' }))
    return a
  }
  const oma = { name: 'Oma', category: 'familie', circle: 1 } as const

  it('places a person in a circle with what they give, and the safety flag', () => {
    const a = start('begeleid')
    a.send(ev({ type: 'item.add', item: { id: 'item-oma-0001', person: { ...oma, gives: ['troost'] } } }))
    a.send(
      ev({
        type: 'item.update',
        itemId: 'item-oma-0001',
        patch: { person: { ...oma, gives: ['troost', 'hulp'], safe: 'ja', contact: 'meer', mustNotKnow: false } },
      }),
    )
    expect(a.getSnapshot().context.items[0]).toMatchObject({
      stepId: 'mensen',
      share: 'begeleider',
      person: { name: 'Oma', circle: 1, gives: ['troost', 'hulp'], safe: 'ja', contact: 'meer', mustNotKnow: false },
    })
  })

  it('starts private when the jongere is alone in the kamer', () => {
    const a = start('kamer')
    a.send(ev({ type: 'item.add', item: { id: 'item-oma-0002', person: { ...oma, mustNotKnow: true } } }))
    expect(a.getSnapshot().context.items[0]).toMatchObject({ share: 'alleen-ik', person: { mustNotKnow: true } })
  })

  it('takes only people in the circles, and words on "who cares"', () => {
    const a = start('begeleid')
    expect(a.getSnapshot().can(ev({ type: 'item.add', item: { id: 'item-tekst-01', text: 'oma' } }))).toBe(false)
    a.send(ev({ type: 'nav.next' }))
    expect(a.getSnapshot().can(ev({ type: 'item.add', item: { id: 'item-tekst-01', text: 'de juf' } }))).toBe(true)
  })
})
