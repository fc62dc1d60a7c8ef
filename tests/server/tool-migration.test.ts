import { createActor, transition } from 'xstate'
import { describe, expect, it } from 'vitest'
import { findTool } from '../../dialogs/registry'
import type { GesprekEvent } from '../../dialogs/contract/events'
import { buildToolMachine } from '../../dialogs/framework/build'
import { renameSteps } from '../../dialogs/framework/migrate'
import { restoreSnapshot, stateOf, type ToolSnapshot } from '../../dialogs/framework/snapshot'
import type { ToolDef } from '../../dialogs/framework/tool'
import { migrateSnapshot } from '../../server/gesprek/host'

const drieHuizen = findTool('drie-huizen')!

/**
 * No tool has changed its states yet, so this proves the mechanism on a synthetic version 2 of
 * Drie huizen in which 'sterktes' became 'krachten' (the change a content review could ask for).
 */
const v2Steps = drieHuizen.steps.map((s) => (s.id === 'sterktes' ? { ...s, id: 'krachten' } : s))
const drieHuizenV2: ToolDef = {
  ...drieHuizen,
  version: '2',
  steps: v2Steps,
  machine: buildToolMachine('drie-huizen', '2', v2Steps),
  migrations: { '1': renameSteps('drie-huizen', '2', { sterktes: 'krachten' }) },
}
const stateValue = (s: ToolSnapshot) => s.value

/** A restored gesprek that takes events one by one, as the host does between commands. */
function restored(tool: ToolDef, persisted: unknown) {
  let snapshot = restoreSnapshot(tool, persisted)
  return {
    getSnapshot: () => snapshot,
    send: (event: GesprekEvent) => {
      ;[snapshot] = transition(tool.machine, snapshot, event)
    },
  }
}

function v1SnapshotPausedIn(stepId: string) {
  const a = createActor(drieHuizen.machine, { input: { ageBand: '8-12', setting: 'begeleid' } }).start()
  while (stateOf(a.getSnapshot()).stepId !== stepId) a.send({ type: 'nav.next' })
  a.send({ type: 'item.add', item: { id: 'item-sterk-01', text: 'voetballen', pictures: [], prompt: 'goed-in' } })
  a.send({ type: 'nav.skip' })
  a.send({ type: 'nav.back' })
  a.send({ type: 'gesprek.pause' })
  return JSON.parse(JSON.stringify(a.getPersistedSnapshot())) as unknown
}

describe('tool versions: a gesprek in progress survives a change of states', () => {
  it('restores a version 1 snapshot paused in a renamed step and continues in version 2', () => {
    const persisted = v1SnapshotPausedIn('sterktes')
    const migrated = migrateSnapshot(drieHuizenV2, '1', persisted)
    const actor = restored(drieHuizenV2, migrated)
    expect(actor.getSnapshot().status).toBe('active')
    expect(stateValue(actor.getSnapshot())).toBe('gepauzeerd')
    actor.send({ type: 'gesprek.resume' })
    expect(stateValue(actor.getSnapshot())).toEqual({ actief: 'krachten' })
    const ctx = actor.getSnapshot().context
    expect(ctx.items).toMatchObject([{ id: 'item-sterk-01', stepId: 'krachten', prompt: 'goed-in' }])
    expect(ctx.skipped).toEqual(['krachten'])
    // the migrated item is editable under the new step's rules, and the gesprek goes on
    actor.send({ type: 'item.update', itemId: 'item-sterk-01', patch: { text: 'keepen' } })
    expect(actor.getSnapshot().context.items[0]!.text).toBe('keepen')
    actor.send({ type: 'nav.next' })
    expect(stateValue(actor.getSnapshot())).toEqual({ actief: 'delen' })
  })

  it('without the migration the child would silently lose their place and the step of their answers', () => {
    const persisted = v1SnapshotPausedIn('sterktes')
    const a = restored(drieHuizenV2, persisted)
    a.send({ type: 'gesprek.resume' })
    expect(stateValue(a.getSnapshot())).toEqual({ actief: 'intro' })
    expect(v2Steps.map((s) => s.id)).not.toContain(a.getSnapshot().context.items[0]!.stepId)
  })

  it('leaves snapshots of the current version alone and refuses a version it has no path from', () => {
    const persisted = v1SnapshotPausedIn('huis-dromen')
    expect(migrateSnapshot(drieHuizen, '1', persisted)).toBe(persisted)
    expect(() => migrateSnapshot(drieHuizenV2, '0', persisted)).toThrow(/conflict/)
  })
})
