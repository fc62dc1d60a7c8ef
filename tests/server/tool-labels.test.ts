import { describe, expect, it } from 'vitest'
import type { DraftOut, ToolLabels, ToolVersionDoc } from '../../dialogs/contract/tool-version'
import type { HistoryOut, OudergesprekOut } from '../../dialogs/contract/workspace'
import { connected, emitAck, HttpUser, msgId, startGesprek, type TestServer } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

async function command(server: TestServer, token: string, gesprekId: string, event: unknown) {
  const kind = open(server.url, { token })
  await connected(kind)
  const ack = await emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
  kind.disconnect()
  expect(ack).toMatchObject({ ok: true })
}

/** Organisation A publishes a Stoplicht with a place of its own and a reworded school. */
async function publishOwnPlace(server: TestServer) {
  const admin = await HttpUser.login(server.url, 'admin-a')
  const doc = (await admin.get<DraftOut>('/api/tool-versions/stoplicht/draft')).body.doc
  const edited: ToolVersionDoc = {
    ...doc,
    steps: doc.steps.map((s) => (s.id === 'plekken' ? { ...s, prompts: [...s.prompts!, 'plek-k3x9qa'] } : s)),
    texts: {
      ...doc.texts,
      nl: {
        ...doc.texts.nl,
        'plekken.prompts.plek-k3x9qa': 'Bij de voetbalclub',
        'plekken.prompts.school': 'In de klas',
      },
      en: { ...doc.texts.en, 'plekken.prompts.plek-k3x9qa': 'At the football club' },
    },
  }
  expect((await admin.request('PUT', '/api/tool-versions/stoplicht/draft', { doc: edited })).status).toBe(200)
  expect((await admin.post('/api/tool-versions/stoplicht/publish', { note: 'Eigen plek' })).status).toBe(201)
}

describe("the begeleider's screens label answers with the words of the gesprek's own version", () => {
  it('history, preparation and print carry the words of an added place; built-in gesprekken need none', async () => {
    const { server, sanne } = await startSeeded()
    // A gesprek on the built-in version first: nothing to send for it.
    const old = await startGesprek(server.url, sanne, { toolId: 'stoplicht', nickname: 'Ada' })
    const before = (await sanne.get(`/api/workspace/children/${old.childId}/history`)).body as HistoryOut
    expect(before.labels).toBeUndefined()

    await publishOwnPlace(server)
    const g = await startGesprek(server.url, sanne, { toolId: 'stoplicht', nickname: 'Bo' })
    await command(server, g.token, g.gesprekId, { type: 'nav.next' })
    const place = { type: 'item.add', item: { id: 'item-club-0001', subject: 'plek-k3x9qa', colour: 'groen' } }
    await command(server, g.token, g.gesprekId, place)
    const school = { type: 'item.add', item: { id: 'item-scho-0001', subject: 'school', colour: 'oranje' } }
    await command(server, g.token, g.gesprekId, school)
    const levels = { type: 'share.set', itemIds: ['item-club-0001', 'item-scho-0001'], level: 'zelf-vertellen' }
    await command(server, g.token, g.gesprekId, levels)

    const history = (await sanne.get(`/api/workspace/children/${g.childId}/history`)).body as HistoryOut
    expect(history.stoplicht.map((s) => s.subject).sort()).toEqual(['plek-k3x9qa', 'school'])
    const versionId = history.labels?.gesprekken[g.gesprekId]
    expect(versionId).toBeTruthy()
    const version = history.labels!.versions[versionId!]!
    expect(version).toMatchObject({ toolId: 'stoplicht', version: 2 })
    expect(version.texts.nl?.['plekken.prompts.plek-k3x9qa']).toBe('Bij de voetbalclub')
    expect(version.texts.en?.['plekken.prompts.plek-k3x9qa']).toBe('At the football club')
    expect(version.texts.nl?.['plekken.prompts.school']).toBe('In de klas')
    expect(version.steps.find((s) => s.id === 'plekken')?.prompts).toContain('plek-k3x9qa')
    // The begeleider's screens read Dutch or English only: no other language travels.
    expect(Object.keys(version.texts).sort()).toEqual(['en', 'nl'])

    for (const path of ['oudergesprek', 'oudergesprek/print']) {
      const prep = (await sanne.get(`/api/workspace/children/${g.childId}/${path}`)).body as OudergesprekOut
      expect(prep.zelfVertellen.map((p) => p.item.subject).sort()).toEqual(['plek-k3x9qa', 'school'])
      expect(prep.labels?.gesprekken[g.gesprekId]).toBe(versionId)
      expect(prep.labels?.versions[versionId!]?.texts.nl?.['plekken.prompts.plek-k3x9qa']).toBe('Bij de voetbalclub')
    }
    // The plans cite answers and label them the same way.
    for (const plan of ['actieplan', 'veiligheidsplan', 'actieplan/print', 'veiligheidsplan/print']) {
      const r = await sanne.get<{ labels?: ToolLabels }>(`/api/plans/children/${g.childId}/${plan}`)
      expect([plan, r.status]).toEqual([plan, 200])
      expect([plan, r.body.labels?.gesprekken[g.gesprekId]]).toEqual([plan, versionId])
    }
  })

  it('another team of the organisation gets no labels, because it gets no history', async () => {
    const { server, sanne } = await startSeeded()
    await publishOwnPlace(server)
    const g = await startGesprek(server.url, sanne, { toolId: 'stoplicht', nickname: 'Bo' })
    const other = await HttpUser.login(server.url, 'admin-b')
    const r = await other.get(`/api/workspace/children/${g.childId}/history`)
    expect(r.status).toBe(404)
    expect(JSON.stringify(r.body)).not.toContain('voetbalclub')
  })
})
