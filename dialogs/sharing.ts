import type { AgeBand, Setting } from './contract/ids'
import type { ShareLevel } from './contract/items'
import type { ParentRole } from './contract/parents'

// The levels and settings are declared once, in the contract; this file holds the rules about them.
export { SHARE_LEVELS, ShareLevel } from './contract/items'
export type { Setting } from './contract/ids'

/**
 * Who is looking. There is deliberately no parent login: parents never log in. `oudergesprek` is the
 * talk with the parent the child is here with; `andere-ouder` is the parent who did not come along, a
 * distinct audience that no level ever reaches [000:894-906]: what that parent hears is agreed apart,
 * with both parents, by the begeleider (the other-parent record), never taken from the child's answers.
 */
export const AUDIENCES = ['kind', 'begeleider', 'oudergesprek', 'andere-ouder'] as const
export type Audience = (typeof AUDIENCES)[number]

/** The single rule behind every projection, print and export. */
export function mayAudienceSee(level: ShareLevel, audience: Audience): boolean {
  switch (audience) {
    case 'kind':
      return true
    case 'begeleider':
      return level !== 'alleen-ik'
    case 'oudergesprek':
      return level === 'begeleider-vertelt' || level === 'zelf-vertellen'
    case 'andere-ouder':
      return false
  }
}

/** The two levels that let an answer reach a parent (the oudergesprek). */
export const isParentLevel = (level: ShareLevel): boolean =>
  level === 'begeleider-vertelt' || level === 'zelf-vertellen'

/**
 * Each parent apart: whether an answer the oudergesprek audience may see belongs in the preparation for
 * `forParent`. A choice that named a parent ("aan mama") belongs to that parent only, whoever the
 * begeleider later records as the parent here; a choice that named nobody ("de ouder met wie je hier
 * bent", or from before the name was kept) belongs to the parent here, `present`, and to no one when
 * nobody is recorded but a parent is asked for by name. It only ever narrows `mayAudienceSee`.
 */
export function reachesParent(
  item: { share: ShareLevel; shareTo?: ParentRole | undefined },
  forParent: ParentRole | null,
  present: ParentRole | null,
): boolean {
  if (!mayAudienceSee(item.share, 'oudergesprek')) return false
  if (item.shareTo) return item.shareTo === forParent
  return forParent === present
}

/** Where a gesprek happens decides the starting level (docs/deelafspraak.md). */
export function defaultShareLevel(setting: Setting): ShareLevel {
  return setting === 'kamer' ? 'alleen-ik' : 'begeleider'
}

/**
 * The three age bands of the deelafspraak (docs/deelafspraak.md): under 12, 12-15, 16 and older.
 * They shape how the choice is explained; they never move the starting level towards a parent.
 */
export type ShareBand = 'onder-12' | '12-15' | '16-plus'
export function shareBand(ageBand: AgeBand): ShareBand {
  // Callers pass the actual age band (a view's `legalBand ?? ageBand`), never the development band alone.
  return ageBand === '16-18' ? '16-plus' : ageBand === '12-15' ? '12-15' : 'onder-12'
}
