import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { describe, expect, it } from 'vitest'
import { captureLog, connected, emitAck, HttpUser, msgId, startGesprek, type TestSocket } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

/**
 * Privacy by construction (docs/security.md): answer text never reaches a log line or an error answer. A whole gesprek runs with canary
 * words in every field a child or begeleider can fill, and every bad request quotes them too; then
 * every log line and every error response is searched.
 */
const { startSeeded, open } = useServers()

describe('no answer text in logs or errors', () => {
  it('keeps canary answers out of every log line and every error response', async () => {
    const logs = captureLog()
    const { server, sanne } = await startSeeded({ log: logs.log, retentionDays: false })
    const admin = await HttpUser.login(server.url, 'admin-a')
    const g = await startGesprek(server.url, sanne)
    const CANARY = `Kanarie${Math.random().toString(36).slice(2, 10)}`
    const kid = open(server.url, { token: g.token })
    const beg = open(server.url, { cookie: sanne.cookie })
    await Promise.all([connected(kid), connected(beg)])
    const errors: unknown[] = []
    const send = async (s: TestSocket, event: unknown, gesprekId = g.gesprekId) => {
      const ack = await emitAck(s, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
      if (!ack.ok) errors.push(ack)
      return ack
    }

    // The honest path, with the canary everywhere it can go.
    await emitAck(beg, 'gesprek:join', { gesprekId: g.gesprekId })
    expect((await send(kid, { type: 'nav.next' })).ok).toBe(true)
    expect((await send(kid, { type: 'item.add', item: { id: 'item-canary-01', text: `ik ${CANARY}` } })).ok).toBe(true)
    await send(kid, {
      type: 'item.update',
      itemId: 'item-canary-01',
      patch: { text: `nu ${CANARY}`, followUps: { 'wie-weet': CANARY } },
    })
    await send(beg, { type: 'note.add', note: { id: 'note-canary-01', text: `notitie ${CANARY}` } })
    await send(kid, { type: 'share.set', itemIds: ['item-canary-01'], level: 'alleen-ik' })

    // The unhappy paths, quoting the canary: invalid, oversize, forbidden, not allowed now, unknown event.
    await send(kid, { type: 'item.add', item: { id: 'item-canary-02', text: CANARY.repeat(200) } })
    await send(kid, { type: 'note.add', note: { id: 'note-canary-02', text: CANARY } })
    await send(kid, { type: 'item.add', item: { id: CANARY, text: CANARY } })
    await send(kid, { type: 'item.add', item: { id: 'item-canary-03', text: CANARY } }, 'geen-gesprek-' + CANARY)
    await send(beg, { type: 'item.add', item: { id: 'item-canary-04', text: CANARY } })
    errors.push(await emitAck(kid, `gesprek:${CANARY}`, { text: CANARY }))
    errors.push(await emitAck(kid, 'gesprek:join', { gesprekId: CANARY }))

    const http: { status: number; body: unknown }[] = []
    const anon = new HttpUser(server.url)
    http.push(await anon.post('/api/auth/login', { username: CANARY, password: CANARY }))
    http.push(await anon.post<KindJoinOut>('/api/kind/join', { code: CANARY }))
    http.push(await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: CANARY + '!!', ageBand: CANARY }))
    http.push(await sanne.request('POST', '/api/workspace/children', `{"nickname": "${CANARY}"`))
    http.push(await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: CANARY, toolId: CANARY }))
    http.push(await sanne.get(`/api/gesprekken/${CANARY}`))
    http.push(await sanne.get(`/api/${CANARY}`))
    http.push(await admin.get(`/api/beheer/children/${CANARY}/export`))
    http.push(
      await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12', [CANARY]: CANARY }),
    )

    // Positive control: the canary is stored and reachable where it belongs (the export is the child's own).
    const exported = await admin.get(`/api/beheer/children/${g.childId}/export`)
    expect(JSON.stringify(exported.body)).toContain(CANARY)

    expect(errors.length).toBeGreaterThanOrEqual(6)
    expect(http.every((r) => r.status >= 400)).toBe(true)
    for (const e of [...errors, ...http]) expect(JSON.stringify(e)).not.toContain(CANARY.slice(7))
    // The log did record things (logins, errors, the export), just never the words.
    expect(logs.lines.length).toBeGreaterThanOrEqual(2)
    const leaking = logs.lines.filter((l) => l.toLowerCase().includes(CANARY.slice(7).toLowerCase()))
    expect(leaking).toEqual([])
  })
})
