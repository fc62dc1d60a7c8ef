import type { GesprekView } from '../contract/view'
import { project } from '../projection'
import type { Audience } from '../sharing'
import { stateOf, type ToolSnapshot } from './snapshot'
import type { ToolInfo } from './tool'

/** Everything of a view except the answers: the same for every audience, so computed once per command. */
export type ViewHead = Omit<GesprekView, 'items' | 'notes'>

export function viewHead(tool: ToolInfo, snapshot: ToolSnapshot): ViewHead {
  const { phase, stepId } = stateOf(snapshot)
  const index = stepId ? tool.steps.findIndex((s) => s.id === stepId) : -1
  const step = index >= 0 ? tool.steps[index]! : undefined
  return {
    toolId: tool.id,
    version: tool.version,
    ageBand: snapshot.context.ageBand,
    setting: snapshot.context.setting,
    phase,
    step: step ? { id: step.id, kind: step.kind, index, count: tool.steps.length } : null,
    can: {
      next: snapshot.can({ type: 'nav.next' }),
      back: snapshot.can({ type: 'nav.back' }),
      skip: snapshot.can({ type: 'nav.skip' }),
      pause: snapshot.can({ type: 'gesprek.pause' }),
      resume: snapshot.can({ type: 'gesprek.resume' }),
      stop: snapshot.can({ type: 'gesprek.stop' }),
    },
    skipped: snapshot.context.skipped,
  }
}

/** Turns a machine snapshot into what one audience may see. Pure; the server calls it per socket audience. */
export function toView(
  tool: ToolInfo,
  snapshot: ToolSnapshot,
  audience: Audience,
  head: ViewHead = viewHead(tool, snapshot),
): GesprekView {
  const { items, notes } = project(snapshot.context, audience)
  return { ...head, items, notes }
}
