import type { SignalType } from './contract/signals'
import type { ItemView } from './contract/view'
import type { Projection } from './projection'

/**
 * Answers that suggest danger (docs/signals.md). A signal is for a person to look at and talk about,
 * never a score or an automatic step [000:594-600]. It is derived only from items an audience may
 * already see (a projection), so a private answer can never raise one.
 */
// The types are contract (the wire names them); this module derives them from items.
export type { SignalType } from './contract/signals'

/** At or below these the scale suggests danger: the child's ladder, and the jongere's SoS scale. */
export const LOW_SCALE = { stoplicht: 3, 'mijn-kamer': 2 } as const
const KAMER_SCALE_PROMPT = 'veiligheid.schaal'

type Answer = Pick<ItemView, 'stepId' | 'colour' | 'scale' | 'person' | 'prompt'>

/** The type of danger an answer suggests, or null. Pure; used by the child's screen and the server alike. */
export function signalOf(toolId: string, item: Answer): SignalType | null {
  if (item.colour === 'rood') return 'rood'
  if (item.scale !== undefined) {
    if (toolId === 'stoplicht' && item.stepId === 'schaal' && item.scale <= LOW_SCALE.stoplicht) return 'laag'
    if (toolId === 'mijn-kamer' && item.prompt === KAMER_SCALE_PROMPT && item.scale <= LOW_SCALE['mijn-kamer'])
      return 'laag'
  }
  if (item.person?.mustNotKnow) return 'mag-niet-weten'
  if (item.person?.safe === 'nee') return 'niet-veilig'
  return null
}

export type Signal = { type: SignalType; itemId: string; stepId: string }

/** The signals in what an audience sees; pass a projection, never the full context. */
export function signalsIn(toolId: string, projection: Pick<Projection, 'items'> | { items: ItemView[] }): Signal[] {
  const out: Signal[] = []
  for (const item of projection.items) {
    const type = signalOf(toolId, item)
    if (type) out.push({ type, itemId: item.id, stepId: item.stepId })
  }
  return out
}
