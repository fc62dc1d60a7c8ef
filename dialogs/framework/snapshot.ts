import { createActor, initialTransition, transition, type AnyStateMachine, type SnapshotFrom } from 'xstate'
import type { GesprekEvent } from '../contract/events'
import type { Phase } from '../contract/view'
import type { GesprekInput, ToolMachine } from './build'
import type { ToolDef } from './tool'

export type ToolSnapshot = SnapshotFrom<ToolMachine>

/**
 * Where a gesprek is: its phase, and its step while it is actief. The one place that reads a
 * snapshot's state value, whose shape buildToolMachine decides (`'gepauzeerd'` or `{ actief: step }`).
 */
export function stateOf(snapshot: Pick<ToolSnapshot, 'value'>): { phase: Phase; stepId: string | undefined } {
  const value = snapshot.value as Phase | { actief: string }
  return typeof value === 'string' ? { phase: value, stepId: undefined } : { phase: 'actief', stepId: value.actief }
}

/**
 * Revives a persisted snapshot (parsed JSON) as a snapshot of the tool's machine. XState restores
 * through an actor; the actor is never started, so nothing runs. A snapshot that does not fit the
 * machine comes back with `status: 'error'`: callers decide what that means.
 */
export function restoreSnapshot(tool: Pick<ToolDef, 'machine'>, persisted: unknown): ToolSnapshot {
  // The machine's input is required to start an actor, not to restore one: XState's option types
  // cannot say that, so the restore goes through the machine's general type.
  const machine: AnyStateMachine = tool.machine
  return createActor(machine, { snapshot: persisted as ToolSnapshot }).getSnapshot() as ToolSnapshot
}

/**
 * Folds events through a tool's machine from its start: the log is the truth, a stored snapshot is a
 * cache of this fold (docs/decisions/0001-server-authoritative-gesprek.md). Pure.
 */
export function replay(tool: Pick<ToolDef, 'machine'>, input: GesprekInput, events: Iterable<GesprekEvent>) {
  let [snapshot] = initialTransition(tool.machine, input)
  for (const event of events) [snapshot] = transition(tool.machine, snapshot, event)
  return snapshot
}
