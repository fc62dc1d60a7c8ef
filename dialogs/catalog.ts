import { afscheidInfo } from './afscheid/steps'
import { drieHuizenInfo } from './drie-huizen/steps'
import { kennismakingInfo } from './kennismaking/steps'
import { kennismakingJongereInfo } from './kennismaking-jongere/steps'
import { kamerNotitiesInfo } from './kamer-notities/steps'
import { mijnKamerInfo } from './mijn-kamer/steps'
import { mijnNetwerkInfo } from './mijn-netwerk/steps'
import { observatieInfo } from './observatie/steps'
import { stoplichtInfo } from './stoplicht/steps'
import type { ToolInfo } from './framework/tool'

/** Every tool, listed once, without machines: what the client imports. dialogs/registry.ts builds the machines. */
export const CATALOG: readonly ToolInfo[] = [
  observatieInfo,
  kennismakingInfo,
  kennismakingJongereInfo,
  drieHuizenInfo,
  stoplichtInfo,
  mijnNetwerkInfo,
  mijnKamerInfo,
  kamerNotitiesInfo,
  afscheidInfo,
]

export function toolInfo(id: string): ToolInfo | undefined {
  return CATALOG.find((t) => t.id === id)
}
