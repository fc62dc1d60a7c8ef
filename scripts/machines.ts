import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { TOOLS } from '../dialogs/registry'
import type { ToolDef } from '../dialogs/framework/tool'

/**
 * Writes each tool's generated statechart as JSON (docs/machines/<tool>.json), so a reader can see
 * the machine a step list becomes: paste a file into Stately's visualiser (stately.ai/viz) or editor
 * ("Import" → JSON). The context factory is a function and is left out; guards and actions keep their
 * names and parameters. tests/dialogs/machines.test.ts keeps the files in step with the code.
 */
export const MACHINES_DIR = fileURLToPath(new URL('../docs/machines/', import.meta.url))

export function machineJson(tool: ToolDef): string {
  return JSON.stringify(tool.machine.config, null, 2) + '\n'
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(MACHINES_DIR, { recursive: true })
  for (const tool of TOOLS) writeFileSync(`${MACHINES_DIR}${tool.id}.json`, machineJson(tool))
  console.log(`wrote ${TOOLS.length} machines to docs/machines/`)
}
