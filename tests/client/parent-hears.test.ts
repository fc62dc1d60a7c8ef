import { describe, expect, it } from 'vitest'
import type { ItemView } from '../../dialogs/contract/view'
import { whatParentsHear } from '../../client/kind/parent-hears'

const item = (id: string, share: ItemView['share'], shareTo?: ItemView['shareTo']): ItemView => ({
  id,
  stepId: 'huis-goed',
  text: id,
  pictures: [],
  followUps: {},
  share,
  ...(shareTo ? { shareTo } : {}),
  chosen: true,
  worry: false,
})

/**
 * "Wat je ouder hoort" on the closing screen: per parent, what the begeleider tells and what the child
 * tells itself; never an answer the child kept to itself or to its begeleider.
 */
describe('what each parent hears, from the child’s own choices', () => {
  it('groups the two parent levels per parent and leaves out the private ones', () => {
    const out = whatParentsHear([
      item('a-geheim', 'alleen-ik'),
      item('b-beg', 'begeleider'),
      item('c-mama-vertelt', 'begeleider-vertelt', 'mama'),
      item('d-zelf-mama', 'zelf-vertellen', 'mama'),
      item('e-papa', 'begeleider-vertelt', 'papa'),
      item('f-hier', 'zelf-vertellen'),
    ])
    expect(out.map((g) => g.parent)).toEqual(['mama', 'papa', 'unknown'])
    expect(out[0]!.begeleider.map((i) => i.id)).toEqual(['c-mama-vertelt'])
    expect(out[0]!.zelf.map((i) => i.id)).toEqual(['d-zelf-mama'])
    expect(out[1]!.begeleider.map((i) => i.id)).toEqual(['e-papa'])
    expect(out[1]!.zelf).toEqual([])
    expect(out[2]!.zelf.map((i) => i.id)).toEqual(['f-hier'])
    const all = out.flatMap((g) => [...g.begeleider, ...g.zelf]).map((i) => i.id)
    expect(all).not.toContain('a-geheim')
    expect(all).not.toContain('b-beg')
  })
  it('nothing for a parent: an empty list, so the screen says the parent hears nothing of it', () => {
    expect(whatParentsHear([item('a', 'alleen-ik'), item('b', 'begeleider')])).toEqual([])
  })
  it('an answer not yet chosen is not told as if it were', () => {
    expect(whatParentsHear([{ ...item('a', 'begeleider-vertelt', 'mama'), chosen: false }])).toEqual([])
  })
})
