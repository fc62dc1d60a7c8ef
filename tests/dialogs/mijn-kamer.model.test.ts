import { createActor } from 'xstate'
import { describe, expect, it } from 'vitest'
import { allowedPrompts } from '../../dialogs/framework/build'
import { findTool } from '../../dialogs/registry'
import { describeToolModel, ev } from './model-harness'

const mijnKamer = findTool('mijn-kamer')!

describeToolModel(mijnKamer, { ageBand: '16-18', setting: 'kamer' })

describe('mijn-kamer rules', () => {
  const inModules = () => {
    const a = createActor(mijnKamer.machine, { input: { ageBand: '12-15', setting: 'kamer' } }).start()
    a.send(ev({ type: 'nav.next' }))
    return a
  }
  const can = (a: ReturnType<typeof inModules>, item: object) =>
    a.getSnapshot().can(ev({ type: 'item.add', item: { id: 'item-k-0001', ...item } }))

  it('offers all seven modules with their questions', () => {
    const step = mijnKamer.steps.find((s) => s.id === 'modules')!
    expect(step.prompts).toHaveLength(7)
    expect(allowedPrompts(step)).toContain('veiligheid.schaal')
    expect(allowedPrompts(step)).toContain('volgende-afspraak.bespreken')
  })

  it('answers go to a known module question; the safety scale takes a number and only once', () => {
    const a = inModules()
    expect(can(a, { prompt: 'veiligheid.bestaat-niet', text: 'x' })).toBe(false)
    expect(can(a, { prompt: 'veiligheid.schaal', text: 'x' })).toBe(false)
    expect(can(a, { prompt: 'school-werk.hoe', scale: 4 })).toBe(false)
    expect(can(a, { prompt: 'hoe-gaat-het.stemming', pictures: ['calm'] })).toBe(true)
    a.send(ev({ type: 'item.add', item: { id: 'item-schaal-01', prompt: 'veiligheid.schaal', scale: 6 } }))
    expect(
      a
        .getSnapshot()
        .can(ev({ type: 'item.add', item: { id: 'item-schaal-02', prompt: 'veiligheid.schaal', scale: 7 } })),
    ).toBe(false)
    a.send(ev({ type: 'item.update', itemId: 'item-schaal-01', patch: { scale: 8 } }))
    expect(a.getSnapshot().context.items[0]).toMatchObject({
      prompt: 'veiligheid.schaal',
      scale: 8,
      share: 'alleen-ik',
    })
  })
})
