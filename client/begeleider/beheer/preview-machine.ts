import { initialTransition, transition } from 'xstate'
import { GesprekEvent } from '../../../dialogs/contract/events'
import type { ToolVersionDoc } from '../../../dialogs/contract/tool-version'
import type { AgeBand } from '../../../dialogs/contract/ids'
import type { GesprekView } from '../../../dialogs/contract/view'
import { buildToolMachine } from '../../../dialogs/framework/build'
import type { GesprekCommand } from '../../../dialogs/framework/events'
import { stateOf, type ToolSnapshot } from '../../../dialogs/framework/snapshot'
import type { ToolInfo } from '../../../dialogs/framework/tool'
import { toView } from '../../../dialogs/framework/view'
import { previewsInKamer, type PreviewMessage } from './preview-message'

/**
 * The draft's real machine, run in the preview frame only: its own lazy chunk, the one place the client
 * carries xstate (tests/client/bundle-budget.test.ts). Nothing is sent anywhere and nothing is stored.
 */
export type Running = {
  tool: ToolInfo
  machine: ReturnType<typeof buildToolMachine>
  snapshot: ToolSnapshot
  shape: string
  jump: number
  /** Counts the runs: a new run (new steps, another band, a jump) shows fresh screens, new words do not. */
  run: number
  /** The band it was started at: another band starts it again (and may change the screen it runs in). */
  ageBand: AgeBand
  view: GesprekView
}

/** The step ids in order: a preview only starts again when the steps themselves changed. */
export const shape = (doc: ToolVersionDoc) =>
  doc.steps.map((s) => `${s.id}:${s.type}:${(s.prompts ?? []).join(',')}`).join('|')

export function start(tool: ToolInfo, message: PreviewMessage, here: string | undefined, run = 1): Running {
  const { doc, ageBand } = message
  const stepId = message.stepId ?? here
  const machine = buildToolMachine(doc.toolId, 'preview', doc.steps)
  // In the kamer the jongere is alone: the kamer's setting, so answers start as 'alleen ik' there too.
  const setting = previewsInKamer(doc.toolId, ageBand) ? 'kamer' : 'begeleid'
  let [snapshot] = initialTransition(machine, { ageBand, setting })
  // To a step: forward through the real machine, as a child pressing Verder would.
  for (let i = 0; stepId && i < doc.steps.length && stateOf(snapshot).stepId !== stepId; i++)
    [snapshot] = transition(machine, snapshot, { type: 'nav.next' })
  const view = toView(tool, snapshot, 'kind')
  return { tool, machine, snapshot, shape: shape(doc), jump: message.jump, run, ageBand, view }
}

export const retool = (r: Running, tool: ToolInfo): Running => ({ ...r, tool, view: toView(tool, r.snapshot, 'kind') })
export const here = (r: Running) => stateOf(r.snapshot).stepId

/** One event, parsed with the contract and checked against the machine, as the server does. */
export function step(r: Running, event: GesprekCommand): Running {
  const parsed = GesprekEvent.safeParse(event)
  if (!parsed.success || !r.snapshot.can(parsed.data)) return r
  const [next] = transition(r.machine, r.snapshot, parsed.data)
  return { ...r, snapshot: next, view: toView(r.tool, next, 'kind') }
}
