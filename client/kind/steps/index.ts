import type { ComponentType } from 'react'
import type { StepKind } from '../../../dialogs/framework/items'
import { InfoStep } from './InfoStep'
import { ItemsStep } from './ItemsStep'
import { ShareStep } from './ShareStep'
import type { StepProps } from './types'

/** One screen per step kind; tools reuse them rather than bringing their own. */
export const STEP_SCREENS: Partial<Record<StepKind, ComponentType<StepProps>>> = {
  info: InfoStep,
  items: ItemsStep,
  share: ShareStep,
}
