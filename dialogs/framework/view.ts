import type { GesprekView } from '../contract/view'
import { project } from '../projection'
import type { Audience } from '../sharing'
import { stateOf, type ToolSnapshot } from './snapshot'
import type { ToolInfo } from './tool'

/** Everything of a view except what the projection decides (answers, notes, traces). */
export type ViewHead = Omit<GesprekView, 'items' | 'notes' | 'traces'>

const NOTHING_TO_PRESS = { next: false, back: false, skip: false, pause: false, resume: false, stop: false }

/** The head as the child sees it: computed once per command, since every audience starts from it. */
export function viewHead(tool: ToolInfo, snapshot: ToolSnapshot): ViewHead {
  const { phase, stepId } = stateOf(snapshot)
  const index = stepId ? tool.steps.findIndex((s) => s.id === stepId) : -1
  const step = index >= 0 ? tool.steps[index]! : undefined
  return {
    toolId: tool.id,
    version: tool.version,
    ageBand: snapshot.context.ageBand,
    ...(snapshot.context.legalBand ? { legalBand: snapshot.context.legalBand } : {}),
    setting: snapshot.context.setting,
    ...(snapshot.context.living ? { living: snapshot.context.living } : {}),
    phase,
    step: step ? { id: step.id, type: step.type, index, count: tool.steps.length } : null,
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

/**
 * The head one audience may see. The jongere's kamer is theirs: anyone else sees what was shared,
 * never where they are or what they can do now (no live presence, no timing of private work).
 */
export function headFor(head: ViewHead, audience: Audience): ViewHead {
  if (audience === 'kind' || head.setting !== 'kamer') return head
  return { ...head, phase: 'actief', step: null, can: NOTHING_TO_PRESS, skipped: [] }
}

/**
 * Turns a machine snapshot into what one audience may see. Pure; the server calls it per socket audience.
 * `since`: the snapshot this one came from by one event (the projection's shortcut, same answer).
 */
export function toView(
  tool: ToolInfo,
  snapshot: ToolSnapshot,
  audience: Audience,
  head: ViewHead = viewHead(tool, snapshot),
  since?: ToolSnapshot,
): GesprekView {
  const { items, notes, traces } = project(snapshot.context, audience, since?.context)
  return { ...headFor(head, audience), items, notes, ...(traces.length > 0 ? { traces } : {}) }
}
