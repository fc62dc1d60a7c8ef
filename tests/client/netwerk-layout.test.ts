import { describe, expect, it } from 'vitest'
import { CHILD_RINGS, HISTORY_RINGS, placePeople, type Placed, type RingLayout } from '../../client/ui/netwerk-layout'

type Box = { x0: number; y0: number; x1: number; y1: number }

/** A generous guess of the name's width: wider than the font's real letters (the browser test measures them). */
const nameBox = (p: Placed, l: RingLayout): Box => {
  const w = Math.max(...p.lines.map((line) => line.length)) * l.font * 0.62
  const base = p.y + p.nameY
  const last = base + (p.lines.length - 1) * l.lineHeight
  return { x0: p.x - w / 2, x1: p.x + w / 2, y0: base - l.font * 0.8, y1: last + l.font * 0.25 }
}
const markBox = (p: Placed, l: RingLayout): Box => ({
  x0: p.x - l.mark,
  x1: p.x + l.mark,
  y0: p.y - l.mark,
  y1: p.y + l.mark,
})

/** The nearest and the farthest point of a box from the picture's centre. */
function reach(b: Box, size: number): { near: number; far: number } {
  const c = size / 2
  const nx = Math.min(Math.max(c, b.x0), b.x1) - c
  const ny = Math.min(Math.max(c, b.y0), b.y1) - c
  const fx = Math.max(Math.abs(b.x0 - c), Math.abs(b.x1 - c))
  const fy = Math.max(Math.abs(b.y0 - c), Math.abs(b.y1 - c))
  return { near: Math.hypot(nx, ny), far: Math.hypot(fx, fy) }
}

const names = ['Oma', 'Juf Anna', 'Coach Jan', 'Tante Fatima', 'Meester Kees', 'Bobbie', 'Opa Henk', 'Buurvrouw Els']
const ring = (n: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ key: `${n}-${i}`, name: names[(i + n) % names.length]!, fresh: i === 1 }))

describe.each([
  ['the history’s', HISTORY_RINGS],
  ['the child’s', CHILD_RINGS],
] as const)('%s network picture', (_, l) => {
  it('puts every person, mark and name, inside the ring of their own circle', () => {
    for (const count of [1, 2, 3, 4, 5, 6]) {
      const placed = placePeople([ring(1, count), ring(2, count), ring(3, count)], l)
      expect(placed).toHaveLength(3 * count)
      for (const p of placed) {
        const n = Number(p.key[0]) as 1 | 2 | 3
        const inner = n === 1 ? l.me : l.rings[(n - 1) as 1 | 2]
        const outer = l.rings[n]
        for (const [what, box] of [
          ['mark', markBox(p, l)],
          ['name', nameBox(p, l)],
        ] as const) {
          const { near, far } = reach(box, l.size)
          const where = `${count} per ring, circle ${n}, ${p.lines.join(' ')} (${what})`
          expect(far, where).toBeLessThanOrEqual(outer)
          expect(near, where).toBeGreaterThanOrEqual(inner)
        }
      }
    }
  })

  it('keeps enough of a name to recognise it, and marks who came in', () => {
    const [oma, tante] = placePeople([
      [{ key: 'a', name: 'Oma' }],
      [{ key: 'b', name: 'Tante Fatima', fresh: true }],
      [],
    ])
    expect(oma!.lines).toEqual(['Oma'])
    expect(tante!.lines.join(' ')).toBe('Tante Fatima +')
  })
})
