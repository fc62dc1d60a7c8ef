import type { Living } from '../contract/ids'
import type { StepSpec } from './build'

/**
 * The sub-prompts a gesprek offers in a step: per living situation where the step has them (the
 * Stoplicht's places), else the step's own list. No xstate here: the client's step screens read it too.
 */
export function stepPrompts(step: Pick<StepSpec, 'prompts' | 'livingPrompts'>, living: Living | undefined) {
  return (living && step.livingPrompts?.[living]) ?? step.prompts ?? []
}
