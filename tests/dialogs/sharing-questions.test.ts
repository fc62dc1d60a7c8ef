import { describe, expect, it } from 'vitest'
import { answersOf, levelFromAnswers } from '../../dialogs/sharing-questions'
import { mayAudienceSee, SHARE_LEVELS } from '../../dialogs/sharing'

/**
 * The two questions for the youngest map onto the same four levels (docs/deelafspraak.md): every level
 * is reachable, each by exactly one pair of answers, and "nee" to the parent question never reaches a
 * parent, whatever the second answer.
 */
describe('the two sharing questions for 4-7', () => {
  const pairs = (['ja', 'nee'] as const).flatMap((parent) =>
    (['kind', 'begeleider'] as const).map((who) => ({ parent, who })),
  )

  it('is a one-to-one map onto the four levels', () => {
    const levels = pairs.map(levelFromAnswers)
    expect([...levels].sort()).toEqual([...SHARE_LEVELS].sort())
    for (const level of SHARE_LEVELS) expect(levelFromAnswers(answersOf(level))).toBe(level)
  })

  it('"nee" keeps it from the parent; "ja" reaches the parent; "alleen ik" keeps it from the begeleider too', () => {
    for (const p of pairs) {
      const level = levelFromAnswers(p)
      expect(mayAudienceSee(level, 'oudergesprek'), `${p.parent}/${p.who}`).toBe(p.parent === 'ja')
      expect(mayAudienceSee(level, 'andere-ouder')).toBe(false)
      expect(mayAudienceSee(level, 'begeleider')).toBe(!(p.parent === 'nee' && p.who === 'kind'))
    }
    expect(levelFromAnswers({ parent: 'ja', who: 'kind' })).toBe('zelf-vertellen')
    expect(levelFromAnswers({ parent: 'ja', who: 'begeleider' })).toBe('begeleider-vertelt')
  })
})
