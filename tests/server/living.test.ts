import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { createActor } from 'xstate'
import { describe, expect, it } from 'vitest'
import type { GesprekView } from '../../dialogs/contract/view'
import { stepPrompts } from '../../dialogs/framework/prompts'
import { findTool } from '../../dialogs/registry'
import { cadenceItem } from '../../server/workspace/cadence'
import { ev, walkTo } from '../dialogs/model-harness'
import { connected, emitAck, HttpUser, msgId } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()
const stoplicht = findTool('stoplicht')!
const plekken = stoplicht.steps.find((s) => s.id === 'plekken')!
const colour = (id: string, subject: string) => ev({ type: 'item.add', item: { id, subject, colour: 'groen' } })

/** Residential and ambulant (req 36 [000:381-387]): the Stoplicht's places, fixed when a gesprek starts. */
describe('living situation', () => {
  it('the Stoplicht has no "Hier, in de opvang" at home and no separate "Thuis" in the shelter', () => {
    expect(stepPrompts(plekken, 'ambulant')).not.toContain('opvang')
    expect(stepPrompts(plekken, 'ambulant')).toContain('thuis-nu')
    expect(stepPrompts(plekken, 'residentieel')).not.toContain('thuis-nu')
    expect(stepPrompts(plekken, 'residentieel')).toContain('opvang')
    // a gesprek from before the living situation was kept keeps every place it had
    expect(stepPrompts(plekken, undefined)).toEqual(['thuis-nu', 'opvang', 'school', 'slapen', 'ander-huis'])
  })

  it('the machine refuses a place the gesprek does not have', () => {
    for (const [living, has, hasNot] of [
      ['ambulant', 'thuis-nu', 'opvang'],
      ['residentieel', 'opvang', 'thuis-nu'],
    ] as const) {
      const a = createActor(stoplicht.machine, { input: { ageBand: '8-12', setting: 'begeleid', living } }).start()
      walkTo(a, 'plekken')
      expect(a.getSnapshot().can(colour('colour-not-0001', hasNot)), living).toBe(false)
      expect(a.getSnapshot().can(colour('colour-has-0001', has)), living).toBe(true)
      expect(a.getSnapshot().can(colour('colour-school-01', 'school')), living).toBe(true)
    }
    const old = createActor(stoplicht.machine, { input: { ageBand: '8-12', setting: 'begeleid' } }).start()
    walkTo(old, 'plekken')
    expect(old.getSnapshot().can(colour('colour-old-00001', 'opvang'))).toBe(true)
    expect(old.getSnapshot().can(colour('colour-old-00002', 'thuis-nu'))).toBe(true)
  })

  it('an ambulant reminder opens earlier (a home visit to plan); the minimum stays two weeks', () => {
    const start = '2026-11-01T10:00:00.000Z'
    const t0 = Date.parse(start)
    const DAY = 86_400_000
    expect(cadenceItem('gesprek', t0 + 8 * DAY, null, start, 'residentieel').status).toBe('ok')
    expect(cadenceItem('gesprek', t0 + 8 * DAY, null, start, 'ambulant').status).toBe('due')
    expect(cadenceItem('gesprek', t0 + 14 * DAY + 1, null, start, 'ambulant').status).toBe('overdue')
    expect(cadenceItem('gesprek', t0 + 14 * DAY, null, start, 'ambulant').dueAt).toBe(
      cadenceItem('gesprek', t0, null, start, 'residentieel').dueAt,
    )
  })

  it('through the server: an ambulant child gets no opvang place, and a running gesprek keeps its places', async () => {
    const { server, sanne } = await startSeeded()
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', {
      nickname: 'Mo',
      ageBand: '8-12',
      living: 'ambulant',
    })
    const childId = (child.body as { id: string }).id
    const g = (await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht' })).body as {
      gesprek: { id: string }
      join: { code: string }
    }
    const gesprekId = g.gesprek.id
    const joined = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.join.code })
    const kind = open(server.url, { token: String(joined.body.token) })
    await connected(kind)
    expect((await emitAck(kind, 'gesprek:join', { gesprekId })).ok).toBe(true)
    const send = (event: unknown) => emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
    expect((await send({ type: 'nav.next' })).ok).toBe(true)
    const opvang = await send({
      type: 'item.add',
      item: { id: 'colour-opvang-01', subject: 'opvang', colour: 'groen' },
    })
    expect(opvang.ok).toBe(false)
    expect(
      (await send({ type: 'item.add', item: { id: 'colour-thuis-001', subject: 'thuis-nu', colour: 'oranje' } })).ok,
    ).toBe(true)
    const view = async () => ((await sanne.get(`/api/gesprekken/${gesprekId}`)).body as { view: GesprekView }).view
    expect((await view()).living).toBe('ambulant')

    // The family moves into the shelter: the running gesprek keeps its places, a new one gets the shelter's.
    expect((await sanne.request('PUT', `/api/workspace/children/${childId}`, { living: 'residentieel' })).status).toBe(
      200,
    )
    expect((await view()).living).toBe('ambulant')
    expect(
      (await send({ type: 'item.add', item: { id: 'colour-opvang-02', subject: 'opvang', colour: 'groen' } })).ok,
    ).toBe(false)
    // the stored log folds back to the same gesprek (the living situation is machine input, kept on the row)
    server.host.forgetChild(childId)
    expect((await server.host.replay(gesprekId)).persisted).toEqual(await server.host.storedSnapshot(gesprekId))
    const next = (await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht' })).body as {
      gesprek: { id: string }
    }
    const fresh = await server.host.view(next.gesprek.id, 'begeleider')
    expect(fresh.view.living).toBe('residentieel')
  })
})
