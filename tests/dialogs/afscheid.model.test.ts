import { describe, expect, it } from 'vitest'
import { findTool } from '../../dialogs/registry'
import { describeToolModel, ev, startAt } from './model-harness'

const afscheid = findTool('afscheid')!

describeToolModel(afscheid, { ageBand: '8-12', setting: 'begeleid' })
describeToolModel(afscheid, { ageBand: '16-18', setting: 'begeleid' })

describe('afscheid rules', () => {
  it("covers the method's closing: farewell, what changes, the warm handover, new contacts, safety after", () => {
    expect(afscheid.steps.map((s) => s.id)).toEqual([
      'intro',
      'terugkijken',
      'afscheid',
      'nieuwe-plek',
      'overdracht',
      'contacten',
      'veilig-blijven',
      'delen',
      'afsluiting',
    ])
    // the handover is told by the child's own begeleider, by name
    expect(afscheid.steps.find((s) => s.id === 'overdracht')).toMatchObject({ type: 'info', showsBegeleider: true })
    // the contacts step shows the names and numbers the begeleider entered beforehand
    expect(afscheid.steps.filter((s) => s.showsContacts).map((s) => [s.id, s.type])).toEqual([['contacten', 'items']])
    expect(afscheid.ageBands).toEqual(['4-7', '8-12', '12-15', '16-18'])
    expect(afscheid.settings).toEqual(['begeleid'])
  })

  it('keeps a new contact with its number as the jongere wrote it, under the deelafspraak', () => {
    const a = startAt(afscheid, { ageBand: '16-18', setting: 'begeleid' }, 'contacten')
    a.send(ev({ type: 'item.add', item: { id: 'contact-0000001', text: 'Wijkteam, Petra 06-12345678' } }))
    a.send(ev({ type: 'share.set', itemIds: ['contact-0000001'], level: 'alleen-ik' }))
    expect(a.getSnapshot().context.items[0]).toMatchObject({ stepId: 'contacten', share: 'alleen-ik' })
  })

  it('takes no answer on the explaining screens', () => {
    for (const stepId of ['nieuwe-plek', 'overdracht']) {
      const a = startAt(afscheid, { ageBand: '4-7', setting: 'begeleid' }, stepId)
      expect(a.getSnapshot().can(ev({ type: 'item.add', item: { id: 'item-info-0001', text: 'x' } }))).toBe(false)
    }
  })
})
