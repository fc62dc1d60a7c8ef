import type { TFunction } from 'i18next'
import type { GesprekView } from '../../../dialogs/contract/view'
import type { StepSpec } from '../../../dialogs/framework/build'
import type { GesprekCommand } from '../../../dialogs/framework/events'
import type { ToolInfo } from '../../../dialogs/framework/tool'
import type { OutboxEntry } from '../../net/outbox'

/** What every step screen gets; one component per step type (steps/index.ts). */
export type StepProps = {
  view: GesprekView
  step: StepSpec
  tool: ToolInfo
  send: (event: GesprekCommand) => void
  pending: readonly OutboxEntry[]
  /** Translates within the tool's namespace, falling back to common. */
  t: TFunction
}
