import type { ComponentType } from 'react'
import type { StepType } from '../../../dialogs/framework/items'
import { InfoStep } from './InfoStep'
import { ItemsStep } from './ItemsStep'
import { ModulesStep } from './ModulesStep'
import { NetwerkStep } from './NetwerkStep'
import { ObserveStep } from './ObserveStep'
import { ScaleStep } from './ScaleStep'
import { ShareStep } from './ShareStep'
import { StoplichtStep } from './StoplichtStep'
import type { StepProps } from './types'

/** One screen per step type; tools reuse them rather than bringing their own. */
export const STEP_SCREENS: Record<StepType, ComponentType<StepProps>> = {
  info: InfoStep,
  items: ItemsStep,
  share: ShareStep,
  stoplicht: StoplichtStep,
  scale: ScaleStep,
  netwerk: NetwerkStep,
  modules: ModulesStep,
  observe: ObserveStep,
}
