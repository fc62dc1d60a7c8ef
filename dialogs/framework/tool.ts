import type { AgeBand, Setting } from '../contract/ids'
import type { StepSpec, ToolMachine } from './build'
import type { Operator } from './events'

/**
 * A tool is data: its ordered steps and the locale namespace holding their prompts. Everything else
 * (the statechart, the views, pause/stop/skip) is the framework's (docs/decisions/0045-tools-as-data.md).
 * No machine here, so the client bundle stays small.
 */
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
  /**
   * Migrations of a persisted snapshot, keyed by the version they start from.
   * Each returns the snapshot in the shape of the version it names (docs/decisions/0004-tool-versions.md).
   */
  migrations?: Readonly<Record<string, (snapshot: unknown) => { snapshot: unknown; version: string }>>
}

/** A registry entry: the tool's info plus the statechart built from it, for the server and the tests. */
export type ToolDef = ToolInfo & { machine: ToolMachine }
