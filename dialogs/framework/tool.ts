import type { AgeBand } from '../contract/ids'
import type { Setting } from '../sharing'
import type { StepSpec, ToolMachine } from './build'
import type { Operator } from './events'

/** What a screen needs to know about a tool: no machine, so the client bundle stays small. */
export type ToolInfo = {
  id: string
  version: string
  /** Age bands the begeleider may start this tool for. */
  ageBands: readonly AgeBand[]
  /** Who answers: the child, or (0-4 observation) the begeleider. */
  operator: Operator
  settings: readonly Setting[]
  steps: readonly StepSpec[]
  /** i18n namespace holding the tool's prompts. */
  namespace: `tool-${string}`
}

/** A registry entry: the tool's info plus its statechart, for the server and the tests. */
export type ToolDef = ToolInfo & {
  machine: ToolMachine
  /**
   * Migrations of a persisted snapshot, keyed by the version they start from.
   * Each returns the snapshot in the shape of the version it names (docs/decisions/0004-tool-versions.md).
   */
  migrations?: Record<string, (snapshot: unknown) => { snapshot: unknown; version: string }>
}
