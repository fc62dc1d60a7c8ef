import { drieHuizenInfo } from './drie-huizen/steps'
import type { ToolInfo } from './framework/tool'

/** Every tool's info, without machines: what the client imports. dialogs/registry.ts adds the machines. */
export const CATALOG: readonly ToolInfo[] = [drieHuizenInfo]

export function toolInfo(id: string): ToolInfo | undefined {
  return CATALOG.find((t) => t.id === id)
}
