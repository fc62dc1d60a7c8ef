/**
 * Where the history's network picture puts each person: "ik" in the middle, three rings of
 * closeness around it, and every person (dot and name together) inside the ring of their own
 * circle, never on the line between two circles: a begeleider reads closeness from the ring.
 */
export const NETWERK_SIZE = 440
export const ME_RADIUS = 18
/** The outer edge of each circle; a circle's ring runs from the edge inside it to its own. */
export const RING_RADIUS = { 1: 84, 2: 152, 3: 218 } as const
export const DOT_RADIUS = 7
export const NAME_FONT = 11
/** The name's baseline below the dot's centre. */
const NAME_Y = 19
/** A generous width per letter (wider than the shipped font's), so a measured name never sticks out. */
const LETTER = NAME_FONT * 0.62
const MAX_LETTERS = 12
/** Room kept free between a person and either edge of the ring. */
const MARGIN = 1.5

/** The name's second line below the first. */
export const LINE_HEIGHT = 13

export type Placed = { key: string; x: number; y: number; lines: string[]; nameY: number }

type Box = { x0: number; y0: number; x1: number; y1: number }

/** The dot and the name under it (one or two lines), around the dot's centre. */
function footprint(lines: readonly string[]): Box {
  const half = Math.max(DOT_RADIUS, ...lines.map((l) => (l.length * LETTER) / 2))
  return { x0: -half, x1: half, y0: -DOT_RADIUS, y1: NAME_Y + (lines.length - 1) * LINE_HEIGHT + NAME_FONT * 0.25 }
}

/** How far a box at (x, y) from the centre stays inside the ring [inner, outer]; negative when it sticks out. */
function slack(b: Box, x: number, y: number, inner: number, outer: number): number {
  const [x0, x1, y0, y1] = [x + b.x0, x + b.x1, y + b.y0, y + b.y1]
  const far = Math.hypot(Math.max(Math.abs(x0), Math.abs(x1)), Math.max(Math.abs(y0), Math.abs(y1)))
  const near = Math.hypot(Math.min(Math.max(0, x0), x1), Math.min(Math.max(0, y0), y1))
  return Math.min(outer - far, near - inner)
}

/** The name as far as it fits: whole when short, else cut with an ellipsis (the full name is in the list beside). */
const cut = (name: string, letters: number) => (name.length <= letters ? name : `${name.slice(0, letters - 1)}…`)

/**
 * The ways to write a name, best first: on one line; on two lines broken between words (narrower,
 * so it fits where the ring runs sideways); then shorter and shorter on one line.
 */
function spellings(name: string, mark: string): string[][] {
  const out: string[][] = [[cut(name, MAX_LETTERS) + mark]]
  const words = name.split(/\s+/)
  if (words.length > 1) {
    // The break that makes the longer line shortest.
    const splits = words.slice(1).map((_, k) => [words.slice(0, k + 1).join(' '), words.slice(k + 1).join(' ')])
    const [a, b] = splits.reduce((x, y) =>
      Math.max(y[0]!.length, y[1]!.length) < Math.max(x[0]!.length, x[1]!.length) ? y : x,
    )
    out.push([cut(a!, MAX_LETTERS), cut(b!, MAX_LETTERS) + mark])
  }
  for (let letters = Math.min(name.length, MAX_LETTERS) - 1; letters >= 2; letters--)
    out.push([cut(name, letters) + mark])
  return out
}

/**
 * Places the people of circle 1, 2 and 3 (in that order), relative to the picture's top left. Each
 * person gets an even share of their ring (each ring turned a little so names do not line up), and
 * then the distance from "ik" at which dot and name fit best inside the ring; a name too long for
 * its place is shortened until it fits.
 */
export function placePeople(
  byCircle: readonly (readonly { key: string; name: string; fresh?: boolean }[])[],
): Placed[] {
  const c = NETWERK_SIZE / 2
  return byCircle.flatMap((people, idx) =>
    people.map((p, i) => {
      const n = (idx + 1) as 1 | 2 | 3
      const inner = n === 1 ? ME_RADIUS : RING_RADIUS[(n - 1) as 1 | 2]
      const outer = RING_RADIUS[n]
      const angle = (2 * Math.PI * i) / Math.max(people.length, 1) - Math.PI / 2 + idx * 0.5
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)]
      let best = { r: (inner + outer) / 2, room: -Infinity, lines: [] as string[] }
      for (const lines of spellings(p.name.trim(), p.fresh ? ' +' : '')) {
        const box = footprint(lines)
        best = { ...best, room: -Infinity, lines }
        for (let r = inner; r <= outer; r += 0.5) {
          const room = slack(box, r * cos, r * sin, inner, outer)
          if (room > best.room) best = { r, room, lines }
        }
        if (best.room >= MARGIN) break
      }
      return { key: p.key, x: c + best.r * cos, y: c + best.r * sin, lines: best.lines, nameY: NAME_Y }
    }),
  )
}
