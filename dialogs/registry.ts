import { CATALOG } from './catalog'
import { drieHuizen } from './drie-huizen'
import type { ToolDef } from './framework/tool'
import { kamerNotities } from './kamer-notities'
import { mijnKamer } from './mijn-kamer'
import { mijnNetwerk } from './mijn-netwerk'
import { observatie } from './observatie'
import { stoplicht } from './stoplicht'

/** Every tool with its machine. Server and tests read this; the client reads dialogs/catalog.ts. */
export const TOOLS: readonly ToolDef[] = [observatie, drieHuizen, stoplicht, mijnNetwerk, mijnKamer, kamerNotities]

export const TOOL_IDS = TOOLS.map((t) => t.id)

export function findTool(id: string): ToolDef | undefined {
  return TOOLS.find((t) => t.id === id)
}

// The catalogue and the registry must list the same tools in the same order.
if (CATALOG.map((t) => t.id).join() !== TOOL_IDS.join()) throw new Error('dialogs/catalog.ts and registry.ts disagree')
