import { describe, expect, it } from 'vitest'
import { receiptFor, verifyAccessLog } from '../../server/audit/access-log'
import { HttpUser, teamChildren } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

describe('demo caseload (DEMO=1, first start)', () => {
  const { start } = useServers()

  it('gives the demo begeleider children with weeks of history, receipts and a preparation, sealed like real data', async () => {
    const server = await start({ demo: true, demoCaseload: true })
    const sanne = await HttpUser.login(server.url, server.demo!.username, server.demo!.password)
    const caseload = await sanne.get('/api/workspace/caseload')
    expect(caseload.status).toBe(200)
    const text = JSON.stringify(caseload.body)
    for (const name of ['Noor', 'Kim', 'Daan']) expect(text).toContain(name)

    const children = await teamChildren(sanne)
    const noor = children.find((c) => c.nickname === 'Noor')!
    const history = await sanne.get(`/api/workspace/children/${noor.id}/history`)
    expect(history.status).toBe(200)
    // Two Stoplicht gesprekken four weeks apart: the trend has points on different days.
    const days = new Set((JSON.stringify(history.body).match(/"at":"(\d{4}-\d\d-\d\d)/g) ?? []).map((m) => m.slice(6)))
    expect(days.size).toBeGreaterThanOrEqual(2)
    const prep = await sanne.get(`/api/workspace/children/${noor.id}/oudergesprek`)
    expect(prep.status).toBe(200)
    expect(JSON.stringify(prep.body)).toContain('Mijn hond Bo') // shared with a parent by the child
    expect(JSON.stringify(prep.body)).not.toContain('Een eigen huis met mama') // kept 'alleen ik'

    expect((await receiptFor(server.deps, noor.id)).length).toBeGreaterThan(0)
    expect((await verifyAccessLog(server.deps)).ok).toBe(true)

    // Sealed: the child's words are nowhere in the stored rows as plain text (through the store, either kind).
    const events = await server.deps.db.selectFrom('gesprek_events').select('event_enc').execute()
    expect(events.length).toBeGreaterThan(20)
    const dump = events.map((e) => String(e.event_enc)).join('')
    expect(dump).not.toContain('Mijn hond Bo')
  })

  it('adds no caseload when only the demo login is asked for (the test servers)', async () => {
    const server = await start({ demo: true })
    const sanne = await HttpUser.login(server.url, server.demo!.username, server.demo!.password)
    expect(await teamChildren(sanne)).toEqual([])
  })
})
