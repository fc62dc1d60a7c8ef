import { createActor, type SnapshotFrom } from 'xstate'
import { describe, expect, it } from 'vitest'
import { drieHuizen } from '../../dialogs/drie-huizen'
import { buildToolMachine, type ToolMachine } from '../../dialogs/framework/build'
import { renameSteps } from '../../dialogs/framework/migrate'
import type { ToolDef } from '../../dialogs/framework/tool'
import { migrateSnapshot } from '../../server/gesprek/host'

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
const stateOf = (s: SnapshotFrom<ToolMachine>) => s.value

function v1SnapshotPausedIn(stepId: string) {
  const a = createActor(drieHuizen.machine, { input: { ageBand: '8-12', setting: 'begeleid' } }).start()
  while ((a.getSnapshot().value as { actief?: string }).actief !== stepId) a.send({ type: 'nav.next' })
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
    const actor = createActor(drieHuizenV2.machine, { snapshot: migrated } as never).start()
    expect(actor.getSnapshot().status).toBe('active')
    expect(stateOf(actor.getSnapshot())).toBe('gepauzeerd')
    actor.send({ type: 'gesprek.resume' })
    expect(stateOf(actor.getSnapshot())).toEqual({ actief: 'krachten' })
    const ctx = actor.getSnapshot().context
    expect(ctx.items).toMatchObject([{ id: 'item-sterk-01', stepId: 'krachten', prompt: 'goed-in' }])
    expect(ctx.skipped).toEqual(['krachten'])
    // the migrated item is editable under the new step's rules, and the gesprek goes on
    actor.send({ type: 'item.update', itemId: 'item-sterk-01', patch: { text: 'keepen' } })
    expect(actor.getSnapshot().context.items[0]!.text).toBe('keepen')
    actor.send({ type: 'nav.next' })
    expect(stateOf(actor.getSnapshot())).toEqual({ actief: 'delen' })
  })

  it('without the migration the child would silently lose their place and the step of their answers', () => {
    const persisted = v1SnapshotPausedIn('sterktes')
    const a = createActor(drieHuizenV2.machine, { snapshot: persisted } as never).start()
    a.send({ type: 'gesprek.resume' })
    expect(stateOf(a.getSnapshot())).toEqual({ actief: 'intro' })
    expect(v2Steps.map((s) => s.id)).not.toContain(a.getSnapshot().context.items[0]!.stepId)
  })

  it('leaves snapshots of the current version alone and refuses a version it has no path from', () => {
    const persisted = v1SnapshotPausedIn('huis-dromen')
    expect(migrateSnapshot(drieHuizen, '1', persisted)).toBe(persisted)
    expect(() => migrateSnapshot(drieHuizenV2, '0', persisted)).toThrow(/conflict/)
  })
})
