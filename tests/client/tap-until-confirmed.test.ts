import { describe, expect, it } from 'vitest'
import { unconfirmed, withoutTap } from '../../client/ui/useTapUntilConfirmed'

/**
 * The state behind every box that answers the hand (the fase-1 ticks, the netwerk's "mag niet weten",
 * the tasks): a tap holds until the server says the same. The browser tests of those screens tap them.
 */
describe('a tap until the server confirms it', () => {
  it('holds while the server still says otherwise, and goes once it says the same', () => {
    const taps = { sdq: true, netwerk: false }
    expect(unconfirmed(taps, { sdq: false, netwerk: true })).toEqual(taps)
    expect(unconfirmed(taps, { sdq: true, netwerk: true })).toEqual({ netwerk: false })
    expect(unconfirmed(taps, { sdq: true, netwerk: false })).toEqual({})
  })

  it('holds for an id the server does not know (yet)', () => {
    expect(unconfirmed({ new: true }, {})).toEqual({ new: true })
  })

  it('keeps the same object when nothing was confirmed, so a render does not loop', () => {
    const taps = { a: true }
    expect(unconfirmed(taps, { a: false })).toBe(taps)
    expect(unconfirmed({}, { a: true })).toEqual({})
  })

  it('forgets one tap when its request settled, and only that one', () => {
    const taps = { a: true, b: false }
    expect(withoutTap(taps, 'a')).toEqual({ b: false })
    expect(withoutTap(taps, 'c')).toBe(taps)
  })
})
