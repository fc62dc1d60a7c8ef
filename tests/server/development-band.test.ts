import type { NewGesprekOut } from '../../dialogs/contract/http'
import { describe, expect, it } from 'vitest'
import type { CaseloadChild } from '../../dialogs/contract/workspace'
import { useServers } from '../helpers/use-servers'

const { startSeeded } = useServers()

/**
 * Development band apart from age (docs/deelafspraak.md, "Two bands"): the begeleider chooses the
 * register of a werkvorm by development, while the deelafspraak's wording follows the actual age band.
 */
describe('development band', () => {
  it('a 12-year-old who needs the 4-7 screens gets the 4-7 register, and the 12-15 deelafspraak', async () => {
    const { server, sanne } = await startSeeded()
    const created = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Noor', ageBand: '12-15' })
    const childId = (created.body as { id: string }).id

    // Drie huizen is for 4-12: without a development band, a 12-15 child cannot get it.
    expect((await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'drie-huizen' })).status).toBe(400)

    const put = await sanne.request('PUT', `/api/workspace/children/${childId}`, { developmentBand: '4-7' })
    expect(put.status).toBe(200)
    expect(put.body as CaseloadChild).toMatchObject({ ageBand: '12-15', developmentBand: '4-7' })

    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'drie-huizen' })
    expect(g.status).toBe(201)
    const gesprekId = (g.body as { gesprek: { id: string } }).gesprek.id
    const { view } = await server.host.view(gesprekId, 'kind')
    // The screens follow development; the sharing words follow the real age.
    expect(view.ageBand).toBe('4-7')
    expect(view.legalBand).toBe('12-15')
    // It survives a reload from the event log (a restart, another node).
    server.host.forget(gesprekId)
    expect((await server.host.view(gesprekId, 'begeleider')).view).toMatchObject({
      ageBand: '4-7',
      legalBand: '12-15',
    })

    // Back to "same as age": the register follows the age band again.
    const reset = await sanne.request('PUT', `/api/workspace/children/${childId}`, { developmentBand: null })
    expect(reset.body as CaseloadChild).toMatchObject({ ageBand: '12-15', developmentBand: null })
    expect((await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'drie-huizen' })).status).toBe(400)
  })

  it('bad input gets the stable error code', async () => {
    const { sanne } = await startSeeded()
    const created = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Tim', ageBand: '8-12' })
    const childId = (created.body as { id: string }).id
    const bad = await sanne.request('PUT', `/api/workspace/children/${childId}`, { developmentBand: '9' })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: 'invalid_payload' })
  })

  it('a gesprek started without a development band carries no separate legal band', async () => {
    const { server, sanne } = await startSeeded()
    const created = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sem', ageBand: '8-12' })
    const childId = (created.body as { id: string }).id
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht' })
    const { view } = await server.host.view((g.body as { gesprek: { id: string } }).gesprek.id, 'kind')
    expect(view.ageBand).toBe('8-12')
    expect(view.legalBand).toBeUndefined()
  })
})
