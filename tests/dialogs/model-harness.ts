import { createActor, transition } from 'xstate'
import { createTestModel } from 'xstate/graph'
import { describe, expect, it } from 'vitest'
import type { AgeBand } from '../../dialogs/contract/ids'
import { GesprekEvent, type GesprekCommand } from '../../dialogs/framework/events'
import type { ItemInput, StepType } from '../../dialogs/framework/items'
import { restoreSnapshot, stateOf, type ToolSnapshot } from '../../dialogs/framework/snapshot'
import type { ToolDef } from '../../dialogs/framework/tool'
import type { Setting } from '../../dialogs/sharing'

type Snap = ToolSnapshot

/** Events as the server hands them to the machine: parsed, defaults filled in. */
export const ev = (e: GesprekCommand) => GesprekEvent.parse(e)

/** Moves a running gesprek forward with `nav.next` until it stands in `stepId`. */
export function walkTo(a: { getSnapshot(): Snap; send(e: GesprekEvent): void }, stepId: string) {
  while (stateOf(a.getSnapshot()).stepId !== stepId) a.send(ev({ type: 'nav.next' }))
}

/** A started gesprek of this tool, moved forward until it stands in `stepId`. */
export function startAt(tool: ToolDef, input: { ageBand: AgeBand; setting: Setting }, stepId: string) {
  const a = createActor(tool.machine, { input }).start()
  walkTo(a, stepId)
  return a
}

/** One item that fits each type of step, so the model can add something everywhere items are allowed. */
export function sampleItem(type: StepType, id: string): ItemInput {
  switch (type) {
    case 'stoplicht':
      return { id, subject: 'school', colour: 'oranje' }
    case 'scale':
      return { id, scale: 6 }
    case 'netwerk':
      return { id, person: { name: 'Oma', category: 'familie', circle: 1, gives: ['troost'], mustNotKnow: false } }
    default:
      return { id, text: 'iets', pictures: ['sun'] }
  }
}

const stepOf = (tool: ToolDef, s: Snap) => {
  const { stepId } = stateOf(s)
  return stepId === undefined ? undefined : tool.steps.find((st) => st.id === stepId)
}

/** Every state name a tool's machine can be in: each step, plus the shared phases. */
export function allStates(tool: ToolDef): string[] {
  return [...tool.steps.map((s) => `actief.${s.id}`), 'gepauzeerd', 'gestopt', 'afgerond'].sort()
}

const stateName = (s: Snap) => {
  const { phase, stepId } = stateOf(s)
  return stepId === undefined ? phase : `actief.${stepId}`
}

/**
 * Model-based test for a tool: walks every shortest path of the statechart (xstate/graph), replays
 * each on a fresh actor, checks it lands where the model says, and asserts every state was visited.
 */
export function describeToolModel(tool: ToolDef, input: { ageBand: AgeBand; setting: Setting }) {
  const events = (s: Snap): GesprekEvent[] => {
    const step = stepOf(tool, s)
    const list: GesprekEvent[] = [
      { type: 'nav.next' },
      { type: 'nav.back' },
      { type: 'nav.skip' },
      { type: 'gesprek.pause' },
      { type: 'gesprek.resume' },
      { type: 'gesprek.stop' },
    ]
    if (step)
      list.push({
        type: 'item.add',
        item: sampleItem(step.type, `item-${s.context.items.length}-${step.id}`),
      } as GesprekEvent)
    const first = s.context.items[0]
    if (first) list.push({ type: 'share.set', itemIds: [first.id], level: 'alleen-ik' })
    return list
  }
  // Context is part of a model state; fold it to what changes behaviour so paths stay finite.
  const serializeState = (s: Snap) =>
    JSON.stringify([
      s.value,
      s.context.items.length > 0,
      Object.values(s.historyValue ?? {}).map((a) => a.map((n) => n.id)),
    ])
  const model = createTestModel(tool.machine, { events, input, serializeState, filterEvents: (s, e) => s.can(e) })

  describe(`${tool.id} statechart (model-based)`, () => {
    const paths = model.getShortestPaths()
    const visited = new Set<string>()

    it('has a non-trivial model', () => {
      expect(paths.length).toBeGreaterThan(tool.steps.length)
    })

    for (const path of paths) {
      it(`reaches ${path.description}`, () => {
        const actor = createActor(tool.machine, { input }).start()
        visited.add(stateName(actor.getSnapshot()))
        for (const step of path.steps) {
          if ((step.event.type as string) !== 'xstate.init') actor.send(step.event)
          const snap = actor.getSnapshot()
          expect(snap.value).toEqual(step.state.value)
          visited.add(stateName(snap))
          const current = stepOf(tool, snap)
          // Pause, stop and skip are there in every step, whatever the tool (trauma-sensitive predictability).
          if (current) {
            expect(snap.can({ type: 'gesprek.pause' })).toBe(true)
            expect(snap.can({ type: 'gesprek.stop' })).toBe(true)
            expect(snap.can({ type: 'nav.skip' })).toBe(true)
          }
        }
        actor.stop()
      })
    }

    // The gesprek host asks `can` only when a transition gave back the same snapshot (server/gesprek/host.ts):
    // so every event the machine refuses must leave the snapshot as it was, in every state.
    it('gives back the same snapshot for every event it refuses', () => {
      let refused = 0
      for (const path of paths)
        for (const { state } of path.steps)
          for (const e of events(state))
            if (!state.can(e)) {
              refused++
              expect(transition(tool.machine, state, e)[0]).toBe(state)
            }
      expect(refused).toBeGreaterThan(0)
    })

    it('visited every state', () => {
      expect([...visited].sort()).toEqual(allStates(tool))
    })

    it('round-trips a persisted snapshot through JSON mid-gesprek', () => {
      const a = createActor(tool.machine, { input }).start()
      a.send({ type: 'nav.next' })
      a.send({ type: 'gesprek.pause' })
      const json = JSON.stringify(a.getPersistedSnapshot())
      const [b] = transition(tool.machine, restoreSnapshot(tool, JSON.parse(json)), { type: 'gesprek.resume' })
      expect(stateName(b)).toBe(`actief.${tool.steps[1]!.id}`)
    })
  })
}
