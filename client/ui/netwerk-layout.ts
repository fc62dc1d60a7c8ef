/**
 * Where a network picture puts each person: "ik" in the middle, three rings of closeness around it,
 * and every person (mark and name together) inside the ring of their own circle, never on the line
 * between two circles: closeness is read from the ring. Two pictures use it: the child's own
 * bolletjesschema (`NetwerkCircles`) and the begeleider's history.
 */
export type RingLayout = {
  size: number
  /** The radius of "ik" in the middle. */
  me: number
  /** The outer edge of each circle; a circle's ring runs from the edge inside it to its own. */
  rings: { 1: number; 2: number; 3: number }
  /** The radius of a person's mark (a dot, or a circle with a picture). */
  mark: number
  /** The name's first baseline below the mark's centre, and the second line's below the first. */
  nameY: number
  lineHeight: number
  font: number
}

/** The begeleider's history: small dots, names at the workspace's 11 px. */
export const HISTORY_RINGS: RingLayout = {
  size: 440,
  me: 18,
  rings: { 1: 84, 2: 152, 3: 218 },
  mark: 7,
  nameY: 19,
  lineHeight: 13,
  font: 11,
}

/** The child's picture: each person a circle with the picture of their category. */
export const CHILD_RINGS: RingLayout = {
  size: 500,
  me: 30,
  rings: { 1: 106, 2: 178, 3: 248 },
  mark: 16,
  nameY: 29,
  lineHeight: 13,
  font: 11,
}

/** A generous width per letter (wider than the shipped font's), so a measured name never sticks out. */
const LETTER = 0.62
const MAX_LETTERS = 12
/** Room kept free between a person and either edge of the ring. */
const MARGIN = 1.5

export type Placed = { key: string; x: number; y: number; lines: string[]; nameY: number }

type Box = { x0: number; y0: number; x1: number; y1: number }

/** The mark and the name under it (one or two lines), around the mark's centre. */
function footprint(lines: readonly string[], l: RingLayout): Box {
  const half = Math.max(l.mark, ...lines.map((line) => (line.length * LETTER * l.font) / 2))
  return { x0: -half, x1: half, y0: -l.mark, y1: l.nameY + (lines.length - 1) * l.lineHeight + l.font * 0.25 }
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
  l: RingLayout = HISTORY_RINGS,
): Placed[] {
  const c = l.size / 2
  return byCircle.flatMap((people, idx) =>
    people.map((p, i) => {
      const n = (idx + 1) as 1 | 2 | 3
      const inner = n === 1 ? l.me : l.rings[(n - 1) as 1 | 2]
      const outer = l.rings[n]
      const angle = (2 * Math.PI * i) / Math.max(people.length, 1) - Math.PI / 2 + idx * 0.5
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)]
      let best = { r: (inner + outer) / 2, room: -Infinity, lines: [] as string[] }
      for (const lines of spellings(p.name.trim(), p.fresh ? ' +' : '')) {
        const box = footprint(lines, l)
        best = { ...best, room: -Infinity, lines }
        for (let r = inner; r <= outer; r += 0.5) {
          const room = slack(box, r * cos, r * sin, inner, outer)
          if (room > best.room) best = { r, room, lines }
        }
        if (best.room >= MARGIN) break
      }
      return { key: p.key, x: c + best.r * cos, y: c + best.r * sin, lines: best.lines, nameY: l.nameY }
    }),
  )
}
