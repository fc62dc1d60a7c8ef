import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ChildTasksOut } from '../../dialogs/contract/tasks'
import type { CaseloadChild } from '../../dialogs/contract/workspace'
import { connected, emitAck, HttpUser, msgId } from '../helpers/server'
import { setUpKamer } from '../helpers/kamer'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

const tasksOf = async (u: HttpUser, childId: string) =>
  (await u.get(`/api/workspace/children/${childId}/tasks`)).body as ChildTasksOut
const walkToPet = async (send: (e: unknown) => Promise<{ ok: boolean }>, steps: number) => {
  for (let i = 0; i < steps; i++) expect((await send({ type: 'nav.next' })).ok).toBe(true)
}

/**
 * The kennismaking's left-behind pet gives the begeleider a task "huisdier: opvang regelen"
 * (docs/tasks.md): only from an answer the begeleider may see, and never with the answer's words.
 */
describe('huisdier task', () => {
  it('kamer: a private pet answer makes no task; shared, one task without its words; ticked off in place', async () => {
    const { server, sanne } = await startSeeded()
    const { childId, token } = await setUpKamer(server.url, sanne, '16-18')
    const g = await new HttpUser(server.url, token).post('/api/kamer/gesprekken', { toolId: 'kennismaking-jongere' })
    expect(g.status).toBe(200)
    const gesprekId = String(g.body.id)
    const kind = open(server.url, { token })
    await connected(kind)
    expect((await emitAck(kind, 'gesprek:join', { gesprekId })).ok).toBe(true)
    const send = (event: unknown) => emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
    await walkToPet(send, 7)
    const WORDS = `KATBIJBUREN${randomUUID().slice(0, 8)}`
    expect((await send({ type: 'item.add', item: { id: 'pet-answer-0001', text: WORDS } })).ok).toBe(true)
    // a later commit, so a task made from the private answer would have had every chance to appear
    expect((await send({ type: 'nav.next' })).ok).toBe(true)
    expect((await tasksOf(sanne, childId)).tasks).toEqual([])

    expect((await send({ type: 'share.set', itemIds: ['pet-answer-0001'], level: 'begeleider' })).ok).toBe(true)
    await expect.poll(async () => (await tasksOf(sanne, childId)).tasks.length).toBe(1)
    const out = await tasksOf(sanne, childId)
    expect(out.tasks[0]).toMatchObject({ type: 'huisdier-opvang', gesprekId, doneAt: null, childId })
    expect(JSON.stringify(out)).not.toContain(WORDS)
    expect(JSON.stringify(out)).not.toContain('pet-answer-0001')
    const card = (await sanne.get(`/api/workspace/children/${childId}`)).body as CaseloadChild
    expect(card.openTasks).toBe(1)
    // the store holds ids and a type, nothing else
    const rows = await server.deps.db.selectFrom('tasks').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(WORDS)

    // Taking it back leaves the task (the begeleider saw it), and sharing again makes no second one.
    expect((await send({ type: 'share.set', itemIds: ['pet-answer-0001'], level: 'alleen-ik' })).ok).toBe(true)
    expect((await send({ type: 'share.set', itemIds: ['pet-answer-0001'], level: 'begeleider' })).ok).toBe(true)
    expect((await tasksOf(sanne, childId)).tasks).toHaveLength(1)

    const ticked = await sanne.request('PUT', `/api/workspace/tasks/${out.tasks[0]!.id}`, { done: true })
    expect(ticked.status).toBe(200)
    expect((ticked.body as ChildTasksOut).tasks[0]).toMatchObject({ doneBy: 'Sanne' })
    expect(((await sanne.get(`/api/workspace/children/${childId}`)).body as CaseloadChild).openTasks).toBe(0)
  })

  it('guided: the begeleider beside the child sees the answer, so the task is there; another team gets nothing', async () => {
    const { server, sanne } = await startSeeded()
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Noor', ageBand: '4-7' })
    const childId = (child.body as { id: string }).id
    const g = (await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'kennismaking' })).body as {
      gesprek: { id: string }
      join: { code: string }
    }
    const gesprekId = g.gesprek.id
    const joined = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.join.code })
    const kind = open(server.url, { token: String(joined.body.token) })
    await connected(kind)
    expect((await emitAck(kind, 'gesprek:join', { gesprekId })).ok).toBe(true)
    const send = (event: unknown) => emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
    // an ordinary answer (school) makes no task
    await walkToPet(send, 4)
    expect((await send({ type: 'item.add', item: { id: 'school-answer-01', pictures: ['school'] } })).ok).toBe(true)
    await walkToPet(send, 4)
    expect((await send({ type: 'item.add', item: { id: 'pet-answer-0002', pictures: ['pet', 'sad'] } })).ok).toBe(true)
    await expect.poll(async () => (await tasksOf(sanne, childId)).tasks.length).toBe(1)

    const joris = await HttpUser.login(server.url, 'joris')
    expect((await joris.get(`/api/workspace/children/${childId}/tasks`)).status).toBe(404)
    const taskId = (await tasksOf(sanne, childId)).tasks[0]!.id
    expect((await joris.request('PUT', `/api/workspace/tasks/${taskId}`, { done: true })).status).toBe(404)
    expect((await sanne.request('PUT', `/api/workspace/tasks/${taskId}`, { done: 'ja' })).status).toBe(400)
    expect((await sanne.request('PUT', '/api/workspace/tasks/bad id!', { done: true })).status).toBe(404)
    expect((await tasksOf(sanne, childId)).tasks[0]!.doneAt).toBeNull()
  })
})
