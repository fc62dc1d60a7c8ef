import type { GesprekView } from '../contract/view'
import { project } from '../projection'
import type { Audience } from '../sharing'
import { stateOf, type ToolSnapshot } from './snapshot'
import type { ToolInfo } from './tool'

/** Turns a machine snapshot into what one audience may see. Pure; the server calls it per socket audience. */
export function toView(tool: ToolInfo, snapshot: ToolSnapshot, audience: Audience): GesprekView {
  const { phase, stepId } = stateOf(snapshot)
  const index = stepId ? tool.steps.findIndex((s) => s.id === stepId) : -1
  const step = index >= 0 ? tool.steps[index]! : undefined
  const { items, notes, traces } = project(snapshot.context, audience)
  // The jongere's kamer is theirs: anyone else sees what was shared, never where they are or what
  // they can do now (no live presence, no timing of private work).
  if (audience !== 'kind' && snapshot.context.setting === 'kamer')
    return {
      toolId: tool.id,
      version: tool.version,
      ageBand: snapshot.context.ageBand,
      ...(snapshot.context.legalBand ? { legalBand: snapshot.context.legalBand } : {}),
      setting: 'kamer',
      phase: 'actief',
      step: null,
      can: { next: false, back: false, skip: false, pause: false, resume: false, stop: false },
      items,
      notes,
      skipped: [],
      ...(traces.length > 0 ? { traces } : {}),
    }
  return {
    toolId: tool.id,
    version: tool.version,
    ageBand: snapshot.context.ageBand,
    ...(snapshot.context.legalBand ? { legalBand: snapshot.context.legalBand } : {}),
    setting: snapshot.context.setting,
    ...(snapshot.context.living ? { living: snapshot.context.living } : {}),
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
    items,
    notes,
    ...(traces.length > 0 ? { traces } : {}),
    skipped: snapshot.context.skipped,
  }
}
