import type { ItemInput, StepType } from '../contract/items'
import type * as z from 'zod'

// The item schemas are the contract's (dialogs/contract/items.ts); server and client still import
// some of them from here.
export { Colour, ItemInput, Person, PersonCategory, PersonGives, type Item, type StepType } from '../contract/items'

/** The Stoplicht's own additions: the child names the thing in the item's text. */
export const OWN_SUBJECT = 'eigen'

/** Which item fields a step type requires. Pure, used by the machine guard and by the client. */
export function itemFitsStep(type: StepType, item: z.output<typeof ItemInput>): boolean {
  // `pictures` may be missing on an unparsed event (replays, graph traversal): never trust the shape.
  const hasContent = Boolean(item.text) || (item.pictures?.length ?? 0) > 0 || Boolean(item.drawing?.length)
  switch (type) {
    case 'items':
    case 'modules':
      return hasContent || item.scale !== undefined
    case 'observe':
      // No scores for the youngest: an observation is words, signals go to a human (docs/tools/observatie.md).
      return hasContent && item.scale === undefined
    case 'stoplicht':
      return Boolean(item.subject) && item.colour !== undefined
    case 'scale':
      return item.scale !== undefined
    case 'netwerk':
      return item.person !== undefined
    case 'info':
    case 'share':
      return false
  }
}
