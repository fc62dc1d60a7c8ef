import { describe, expect, it } from 'vitest'
import {
  DOT_RADIUS,
  LINE_HEIGHT,
  ME_RADIUS,
  NAME_FONT,
  NETWERK_SIZE,
  placePeople,
  RING_RADIUS,
  type Placed,
} from '../../client/begeleider/netwerk-layout'

type Box = { x0: number; y0: number; x1: number; y1: number }

/** A generous guess of the name's width: wider than the font's real letters (the browser test measures them). */
const nameBox = (p: Placed): Box => {
  const w = Math.max(...p.lines.map((l) => l.length)) * NAME_FONT * 0.62
  const base = p.y + p.nameY
  const last = base + (p.lines.length - 1) * LINE_HEIGHT
  return { x0: p.x - w / 2, x1: p.x + w / 2, y0: base - NAME_FONT * 0.8, y1: last + NAME_FONT * 0.25 }
}
const dotBox = (p: Placed): Box => ({
  x0: p.x - DOT_RADIUS,
  x1: p.x + DOT_RADIUS,
  y0: p.y - DOT_RADIUS,
  y1: p.y + DOT_RADIUS,
})

/** The nearest and the farthest point of a box from the picture's centre. */
function reach(b: Box): { near: number; far: number } {
  const c = NETWERK_SIZE / 2
  const nx = Math.min(Math.max(c, b.x0), b.x1) - c
  const ny = Math.min(Math.max(c, b.y0), b.y1) - c
  const fx = Math.max(Math.abs(b.x0 - c), Math.abs(b.x1 - c))
  const fy = Math.max(Math.abs(b.y0 - c), Math.abs(b.y1 - c))
  return { near: Math.hypot(nx, ny), far: Math.hypot(fx, fy) }
}

const names = ['Oma', 'Juf Anna', 'Coach Jan', 'Tante Fatima', 'Meester Kees', 'Bobbie', 'Opa Henk', 'Buurvrouw Els']
const ring = (n: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ key: `${n}-${i}`, name: names[(i + n) % names.length]!, fresh: i === 1 }))

describe('the history’s network picture', () => {
  it('puts every person, dot and name, inside the ring of their own circle', () => {
    for (const count of [1, 2, 3, 4, 5, 6]) {
      const placed = placePeople([ring(1, count), ring(2, count), ring(3, count)])
      expect(placed).toHaveLength(3 * count)
      for (const p of placed) {
        const n = Number(p.key[0]) as 1 | 2 | 3
        const inner = n === 1 ? ME_RADIUS : RING_RADIUS[(n - 1) as 1 | 2]
        const outer = RING_RADIUS[n]
        for (const [what, box] of [
          ['dot', dotBox(p)],
          ['name', nameBox(p)],
        ] as const) {
          const { near, far } = reach(box)
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
