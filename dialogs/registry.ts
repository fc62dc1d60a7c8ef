import { CATALOG } from './catalog'
import { buildToolMachine } from './framework/build'
import type { ToolDef } from './framework/tool'

/**
 * Every tool with its machine, derived from the catalogue: a tool is listed once, in
 * dialogs/catalog.ts. Server and tests read this; the client reads the catalogue (no xstate).
 */
export const TOOLS: readonly ToolDef[] = CATALOG.map((info) => ({
  ...info,
  machine: buildToolMachine(info.id, info.version, info.steps),
}))

export function findTool(id: string): ToolDef | undefined {
  return TOOLS.find((t) => t.id === id)
}
