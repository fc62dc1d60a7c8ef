import { createActor } from 'xstate'
import { describe, expect, it } from 'vitest'
import { findTool } from '../../dialogs/registry'
import { describeToolModel } from './model-harness'

const kamerNotities = findTool('kamer-notities')!

describeToolModel(kamerNotities, { ageBand: '16-18', setting: 'kamer' })

describe('kamer-notities rules', () => {
  it('starts every note as alleen-ik in the kamer and lets the jongere share and take it back', () => {
    const a = createActor(kamerNotities.machine, { input: { ageBand: '12-15', setting: 'kamer' } }).start()
    a.send({ type: 'nav.next' })
    a.send({ type: 'item.add', item: { id: 'note-1-abcdef', text: 'iets', pictures: [] } })
    expect(a.getSnapshot().context.items).toMatchObject([
      { id: 'note-1-abcdef', stepId: 'notities', share: 'alleen-ik' },
    ])
    a.send({ type: 'share.set', itemIds: ['note-1-abcdef'], level: 'begeleider' })
    expect(a.getSnapshot().context.items[0]!.share).toBe('begeleider')
    a.send({ type: 'share.set', itemIds: ['note-1-abcdef'], level: 'alleen-ik' })
    expect(a.getSnapshot().context.items[0]!.share).toBe('alleen-ik')
  })
})
