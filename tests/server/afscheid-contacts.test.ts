import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { describe, expect, it } from 'vitest'
import type { MethodOut } from '../../dialogs/contract/method'
import { connected, emitAck, fakeClock, HttpUser, msgId, type TestServer, type TestSocket } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

async function send(socket: TestSocket, gesprekId: string, event: unknown) {
  const ack = await emitAck(socket, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
  expect(ack, JSON.stringify(event)).toMatchObject({ ok: true })
}

/** Starts a gesprek with a tool and joins it as the child's own (trusted) screen. */
async function joined(server: TestServer, user: HttpUser, childId: string, toolId: string) {
  const g = await user.post<NewGesprekOut>('/api/gesprekken', { childId, toolId })
  expect(g.status).toBe(201)
  const join = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.body.join!.code })
  expect(join.body.trusted).toBe(true)
  return { gesprekId: g.body.gesprek.id, token: join.body.token }
}

const contacts = [
  { who: 'Karin, je nieuwe begeleider', number: '06-12345678', what: 'Als je wilt praten over thuis' },
  { who: 'De Kindertelefoon', number: '0800-0432', what: '' },
]

describe('afscheid contacts: entered by the begeleider beforehand, seen by the child in the afscheid', () => {
  it('the begeleider enters them on the method page; the child’s own screen in the afscheid reads them', async () => {
    const { server, sanne } = await startSeeded({ clock: fakeClock() })
    const lot = (
      await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lot', ageBand: '8-12', phase: 3 })
    ).body.id
    // Nothing entered yet.
    expect(((await sanne.get(`/api/method/children/${lot}`)).body as MethodOut).phase.contacten).toBeNull()

    const put = await sanne.request('PUT', `/api/method/children/${lot}/contacten`, { contacts })
    expect(put.status).toBe(200)
    expect((put.body as MethodOut).phase.contacten).toMatchObject({ contacts, recordedBy: 'Sanne' })

    // The child's own screen in the afscheid gets the list, and nothing else of the record.
    const afscheid = await joined(server, sanne, lot, 'afscheid')
    const mine = await new HttpUser(server.url, afscheid.token).get('/api/method/mine/contacten')
    expect(mine.status).toBe(200)
    expect(mine.body).toEqual({ contacts })

    // Another tool's screen gets an empty list: the numbers are for the farewell, not every gesprek.
    const other = await joined(server, sanne, lot, 'drie-huizen')
    expect((await new HttpUser(server.url, other.token).get('/api/method/mine/contacten')).body).toEqual({
      contacts: [],
    })

    // A second screen nobody approved gets nothing (ADR 0010); neither does no token.
    const code = await sanne.post(`/api/gesprekken/${afscheid.gesprekId}/join-code`)
    const second = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: code.body.code })
    expect(second.body.trusted).toBe(false)
    expect((await new HttpUser(server.url, second.body.token).get('/api/method/mine/contacten')).status).toBe(404)
    expect((await new HttpUser(server.url).get('/api/method/mine/contacten')).status).toBe(401)

    // An update shows at once; an empty list clears it.
    await sanne.request('PUT', `/api/method/children/${lot}/contacten`, { contacts: [contacts[1]] })
    expect((await new HttpUser(server.url, afscheid.token).get('/api/method/mine/contacten')).body).toEqual({
      contacts: [contacts[1]],
    })
  })

  it('bad lists get invalid_payload; another team’s begeleider gets nothing', async () => {
    const { sanne, server } = await startSeeded({ clock: fakeClock() })
    const lot = (
      await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lot', ageBand: '12-15', phase: 3 })
    ).body.id
    const bad = [
      { contacts: [{ who: '', number: '0612345678' }] },
      { contacts: [{ who: 'Karin', number: 'bel me' }] },
      { contacts: [{ who: 'Karin', number: '06-1234567<script>' }] },
      { contacts: [{ who: 'x'.repeat(61) }] },
      { contacts: Array.from({ length: 13 }, (_, i) => ({ who: `Contact ${i}` })) },
      { contacts: [{ who: 'Karin', extra: true }] },
      {},
    ]
    for (const body of bad) {
      const res = await sanne.request('PUT', `/api/method/children/${lot}/contacten`, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body).toEqual({ error: 'invalid_payload' })
    }
    // A number with a country code and no number at all are both fine.
    const ok = await sanne.request('PUT', `/api/method/children/${lot}/contacten`, {
      contacts: [{ who: 'Mentor op school' }, { who: 'Sam', number: '+31 6 1234 5678' }],
    })
    expect(ok.status).toBe(200)
    expect((ok.body as MethodOut).phase.contacten?.contacts).toEqual([
      { who: 'Mentor op school', number: '', what: '' },
      { who: 'Sam', number: '+31 6 1234 5678', what: '' },
    ])
    const joris = await HttpUser.login(server.url, 'joris')
    expect((await joris.get(`/api/method/children/${lot}`)).status).toBe(404)
    expect((await joris.request('PUT', `/api/method/children/${lot}/contacten`, { contacts })).status).toBe(404)
  })

  it('nothing the child kept private reaches anyone through them', async () => {
    const { server, sanne } = await startSeeded({ clock: fakeClock() })
    const lot = (
      await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lot', ageBand: '8-12', phase: 3 })
    ).body.id
    await sanne.request('PUT', `/api/method/children/${lot}/contacten`, { contacts })
    const g = await joined(server, sanne, lot, 'afscheid')
    const kind = open(server.url, { token: g.token })
    await connected(kind)
    for (let i = 0; i < 5; i++) await send(kind, g.gesprekId, { type: 'nav.next' })
    // In the contacts step the child writes down its aunt's number and keeps it to itself.
    await send(kind, g.gesprekId, {
      type: 'item.add',
      item: { id: 'contact-private-1', text: 'Tante Ria 06-99887766' },
    })
    await send(kind, g.gesprekId, { type: 'share.set', itemIds: ['contact-private-1'], level: 'alleen-ik' })
    kind.disconnect()

    const everywhere = [
      await sanne.get(`/api/method/children/${lot}`),
      await sanne.get(`/api/workspace/children/${lot}/oudergesprek`),
      await new HttpUser(server.url, g.token).get('/api/method/mine/contacten'),
    ]
    for (const res of everywhere) {
      expect(res.status).toBe(200)
      expect(JSON.stringify(res.body)).not.toMatch(/Ria|99887766/)
    }
    // The begeleider's list on the child's screen is exactly what the begeleider entered.
    expect(everywhere[2]!.body).toEqual({ contacts })
  })
})
