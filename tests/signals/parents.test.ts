import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ParentsOut } from '../../dialogs/contract/parents'
import type { OudergesprekOut } from '../../dialogs/contract/workspace'
import { connected, emitAck, HttpUser, msgId } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

/**
 * Each parent apart (docs/deelafspraak.md): an answer "aan mama" is in the preparation for the talk
 * with mama, and in nothing about papa: no audience reaches the parent who did not come along, the
 * other-parent records never carry answers, and the child's device learns only the word "mama".
 */
describe('each parent apart', () => {
  it('"aan mama" reaches the preparation for mama and nothing about papa', async () => {
    const { server, sanne } = await startSeeded()
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lina', ageBand: '8-12' })
    const childId = (child.body as { id: string }).id
    const profile = {
      present: 'mama',
      other: { role: 'Vader; Lina mist hem', risk: 'zorg', contact: 'begeleid', gezag: 'ja' },
      flags: [{ person: 'Papa', flags: ['geheim-adres', 'begeleid-contact'] }],
    }
    expect((await sanne.request('PUT', `/api/parents/children/${childId}`, profile)).status).toBe(200)
    expect((await sanne.get(`/api/parents/children/${childId}`)).body).toMatchObject(profile as Partial<ParentsOut>)
    const joris = await HttpUser.login(server.url, 'joris')
    expect((await joris.get(`/api/parents/children/${childId}`)).status).toBe(404)

    const g = (await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht' })).body as {
      gesprek: { id: string }
      join: { code: string }
    }
    const gesprekId = g.gesprek.id
    const token = (
      (await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.join.code })).body as {
        token: string
      }
    ).token
    // The child's device learns the role word, and nothing of the begeleider's record.
    const mine = await fetch(`${server.url}/api/parents/mine`, { headers: { authorization: `Bearer ${token}` } })
    expect(await mine.json()).toEqual({ present: 'mama' })

    const kind = open(server.url, { token })
    await connected(kind)
    expect((await emitAck(kind, 'gesprek:join', { gesprekId })).ok).toBe(true)
    const send = (event: unknown) => emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
    const AAN_MAMA = `AANMAMA${randomUUID().slice(0, 8)}`
    expect((await send({ type: 'nav.next' })).ok).toBe(true)
    expect(
      (await send({ type: 'item.add', item: { id: 'colour-anderhuis', subject: 'ander-huis', colour: 'oranje' } })).ok,
    ).toBe(true)
    expect(
      (
        await send({
          type: 'item.add',
          item: { id: 'colour-eigen-0001', subject: 'eigen', colour: 'groen', text: AAN_MAMA },
        })
      ).ok,
    ).toBe(true)
    expect(
      (
        await send({
          type: 'share.set',
          itemIds: ['colour-anderhuis', 'colour-eigen-0001'],
          level: 'begeleider-vertelt',
        })
      ).ok,
    ).toBe(true)

    // In the preparation for mama, and the item about papa's home carries the caution.
    const prep = (await sanne.get(`/api/workspace/children/${childId}/oudergesprek`)).body as OudergesprekOut
    const told = prep.begeleiderVertelt
    expect(told.map((p) => p.item.id).sort()).toEqual(['colour-anderhuis', 'colour-eigen-0001'])
    expect(told.find((p) => p.item.id === 'colour-anderhuis')!.aboutOtherParent).toBe(true)
    expect(told.find((p) => p.item.id === 'colour-eigen-0001')!.aboutOtherParent).toBeUndefined()
    expect(JSON.stringify(prep)).toContain(AAN_MAMA)

    // Nothing about papa carries it: the other-parent audience sees nothing, the records hold no answers.
    const papa = await server.host.view(gesprekId, 'andere-ouder')
    expect(papa.view.items).toEqual([])
    expect(papa.view.notes).toEqual([])
    for (const path of [`/api/workspace/children/${childId}/other-parent`, `/api/parents/children/${childId}`]) {
      const res = await sanne.get(path)
      expect(res.status, path).toBe(200)
      expect(JSON.stringify(res.body), path).not.toContain(AAN_MAMA)
    }
    // And the child can keep it from mama too: taken back to "begeleider", it leaves the preparation.
    expect((await send({ type: 'share.set', itemIds: ['colour-eigen-0001'], level: 'begeleider' })).ok).toBe(true)
    const after = (await sanne.get(`/api/workspace/children/${childId}/oudergesprek`)).body as OudergesprekOut
    expect(JSON.stringify(after)).not.toContain(AAN_MAMA)
  }, 60_000)
})
