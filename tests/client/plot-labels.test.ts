import { describe, expect, it } from 'vitest'
import { columnLabels, wrapLabel } from '../../client/begeleider/plot-labels'

describe('history plot labels', () => {
  it('two gesprekken on one day get their time, so no two columns read "1 dec"', () => {
    const labels = columnLabels(['2026-11-24T09:00:00Z', '2026-12-01T09:05:00Z', '2026-12-01T13:30:00Z'], 'nl')
    expect(labels[0]).toBe('24 nov')
    expect(labels[1]).toBe('1 dec 10:05')
    expect(labels[2]).toBe('1 dec 14:30')
    expect(new Set(labels).size).toBe(3)
  })

  it('a row label wraps between words, never cut mid-word', () => {
    expect(wrapLabel("'s Avonds, als je gaat slapen", 18)).toEqual(["'s Avonds, als je", 'gaat slapen'])
    expect(wrapLabel('Op school', 18)).toEqual(['Op school'])
    const long = wrapLabel('Bij je andere ouder, bij wie je nu niet woont', 18)
    expect(long).toHaveLength(2)
    expect(long[0]).toBe('Bij je andere')
    for (const l of long) expect(l.length).toBeLessThanOrEqual(18)
  })
})
