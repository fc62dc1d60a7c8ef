import type { Living } from '../contract/ids'

/**
 * The sub-prompts a gesprek offers in a step: per living situation where the step has them (the
 * Stoplicht's places), else the step's own list. No xstate here: the client's step screens read it too.
 */
export function stepPrompts(
  step: { prompts?: readonly string[]; livingPrompts?: Readonly<Record<Living, readonly string[]>> },
  living: Living | undefined,
): readonly string[] {
  return (living && step.livingPrompts?.[living]) ?? step.prompts ?? []
}
