import { buildToolMachine, type StepSpec } from './build'

/**
 * The controls come from the framework, not from a tool's document: still, the built machine is
 * checked, so a future field or builder change that loses pause, skip or stop on a step is refused.
 * Apart from tool-rules.ts because it builds a machine (xstate), which the editor's bundle does not carry.
 * Every step of the built machine can be skipped, paused and stopped.
 */
export function controlsHold(toolId: string, steps: readonly StepSpec[]): boolean {
  const machine = buildToolMachine(toolId, 'check', steps)
  const actief = machine.root.states.actief
  if (!actief?.on['gesprek.pause'] || !actief.on['gesprek.stop']) return false
  return steps.every((s) => {
    const node = actief.states[s.id]
    return Boolean(node?.on['nav.skip']) && Boolean(node?.on['nav.next'])
  })
}
