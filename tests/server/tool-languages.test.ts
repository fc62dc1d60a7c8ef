import { describe, expect, it } from 'vitest'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import type { DraftOut, GesprekToolOut, PublishOut, ToolVersionDoc } from '../../dialogs/contract/tool-version'
import type { CaseloadChild } from '../../dialogs/contract/workspace'
import { HttpUser, type Refusal } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded } = useServers()

describe("a gesprek's language is one its tool version is complete in", () => {
  it('refuses a join code in a language the current version lacks, before anything is made', async () => {
    const { server, sanne } = await startSeeded()
    const admin = await HttpUser.login(server.url, 'admin-a')
    // Version 2 adds a place in Dutch and English only: it is offered in those two.
    const doc = (await admin.get<DraftOut>('/api/tool-versions/stoplicht/draft')).body.doc
    const edited: ToolVersionDoc = {
      ...doc,
      steps: doc.steps.map((s) => (s.id === 'plekken' ? { ...s, prompts: [...s.prompts!, 'plek-k3x9qa'] } : s)),
      texts: {
        ...doc.texts,
        nl: { ...doc.texts.nl, 'plekken.prompts.plek-k3x9qa': 'Bij de voetbalclub' },
        en: { ...doc.texts.en, 'plekken.prompts.plek-k3x9qa': 'At the football club' },
      },
    }
    expect((await admin.request('PUT', '/api/tool-versions/stoplicht/draft', { doc: edited })).status).toBe(200)
    const published = await admin.post<PublishOut>('/api/tool-versions/stoplicht/publish', { note: 'Eigen plek' })
    expect(published.body.languages).toEqual(['nl', 'en'])

    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })
    const childId = child.body.id
    const count = async () => (await server.deps.db.selectFrom('gesprekken').select('id').execute()).length
    const before = await count()
    const refused = await sanne.post<Refusal>('/api/gesprekken', { childId, toolId: 'stoplicht', lang: 'ti' })
    expect(refused.status).toBe(422)
    expect(refused.body.error).toBe('language_not_offered')
    expect(await count()).toBe(before)

    const made = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht', lang: 'en' })
    expect(made.status).toBe(201)
    expect(made.body.join!.lang).toBe('en')
    const gesprekId = made.body.gesprek.id
    // A new code for the running gesprek: the same languages, those of the version it started on.
    const again = await sanne.post<Refusal>(`/api/gesprekken/${gesprekId}/join-code`, { lang: 'ar' })
    expect(again.status).toBe(422)
    expect(again.body.error).toBe('language_not_offered')
    expect((await sanne.post(`/api/gesprekken/${gesprekId}/join-code`, { lang: 'nl' })).status).toBe(201)
    // What the picker offers is what the server says the gesprek's version has.
    expect((await sanne.get<GesprekToolOut>(`/api/gesprek-tool/${gesprekId}`)).body.languages).toEqual(['nl', 'en'])

    // A tool still on its built-in version keeps all eight; a language outside the list is a bad body.
    expect((await sanne.post('/api/gesprekken', { childId, toolId: 'drie-huizen', lang: 'ti' })).status).toBe(201)
    const bad = await sanne.post('/api/gesprekken', { childId, toolId: 'drie-huizen', lang: 'xx' })
    expect(bad.status).toBe(400)
  })
})
