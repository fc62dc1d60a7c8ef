import { createActor } from 'xstate'
import { describe, expect, it } from 'vitest'
import { findTool } from '../../dialogs/registry'
import { describeToolModel } from './model-harness'

const drieHuizen = findTool('drie-huizen')!

describeToolModel(drieHuizen, { ageBand: '8-12', setting: 'begeleid' })

describe('drie-huizen rules', () => {
  const start = () => createActor(drieHuizen.machine, { input: { ageBand: '4-7', setting: 'begeleid' } }).start()

  it('puts an item in the house the child is in, with the guided default level', () => {
    const a = start()
    a.send({ type: 'nav.next' })
    a.send({ type: 'nav.next' })
    a.send({ type: 'item.add', item: { id: 'item-zorg-1', text: 'ruzie', pictures: [] } })
    expect(a.getSnapshot().context.items).toMatchObject([
      { id: 'item-zorg-1', stepId: 'huis-zorgen', share: 'begeleider' },
    ])
  })

  it('refuses an empty item, a duplicate id and items on the introduction', () => {
    const a = start()
    expect(a.getSnapshot().can({ type: 'item.add', item: { id: 'item-intro-1', text: 'x', pictures: [] } })).toBe(false)
    a.send({ type: 'nav.next' })
    expect(a.getSnapshot().can({ type: 'item.add', item: { id: 'item-leeg-1', pictures: [] } })).toBe(false)
    a.send({ type: 'item.add', item: { id: 'item-een-1', text: 'x', pictures: [] } })
    expect(a.getSnapshot().can({ type: 'item.add', item: { id: 'item-een-1', text: 'y', pictures: [] } })).toBe(false)
  })

  it('lets the child change sharing after stopping, and resume where they were', () => {
    const a = start()
    a.send({ type: 'nav.next' })
    a.send({ type: 'item.add', item: { id: 'item-goed-1', text: 'oma', pictures: [] } })
    a.send({ type: 'gesprek.stop' })
    a.send({ type: 'share.set', itemIds: ['item-goed-1'], level: 'alleen-ik' })
    expect(a.getSnapshot().context.items[0]!.share).toBe('alleen-ik')
    a.send({ type: 'gesprek.resume' })
    expect(a.getSnapshot().value).toEqual({ actief: 'huis-goed' })
  })

  it('marks skipped steps so the begeleider can see them', () => {
    const a = start()
    a.send({ type: 'nav.next' })
    a.send({ type: 'nav.skip' })
    expect(a.getSnapshot().context.skipped).toEqual(['huis-goed'])
  })
})
