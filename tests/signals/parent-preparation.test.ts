import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { seal } from '../../server/crypto/seal'
import { migrate } from '../../server/store/migrations'
import type { FamilyPrepOut } from '../../dialogs/contract/method'
import type { OudergesprekOut } from '../../dialogs/contract/workspace'
import { connected, emitAck, HttpUser, msgId } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

const canary = (label: string) => `${label}${randomUUID().slice(0, 8)}`

/**
 * A preparation per parent (docs/deelafspraak.md, "Each parent apart"): an answer the child chose to
 * share "aan mama" is in mama's preparation and print only; papa's preparation, print, the family
 * sheet for papa and papa's talking points hold none of it, also after the begeleider records papa as
 * the parent here; and what was shared "aan papa" never reaches mama's. The begeleider's own notes
 * for one parent's talk are that parent's too.
 */
describe('a preparation per parent', () => {
  it('"aan mama" stays with mama, "aan papa" with papa, whoever is recorded as the parent here', async () => {
    const { server, sanne } = await startSeeded()
    const card = (
      await sanne.post<CaseloadChild>('/api/workspace/children', {
        nickname: 'Lina',
        ageBand: '8-12',
        newFamily: 'Familie L',
      })
    ).body as { id: string; familyId: string }
    const childId = card.id
    const setPresent = async (present: 'mama' | 'papa') =>
      expect(
        (
          await sanne.request('PUT', `/api/parents/children/${childId}`, {
            present,
            other: { role: 'Lina mist hem', risk: 'zorg', contact: 'begeleid', gezag: 'ja' },
            flags: [{ person: 'Papa', flags: ['geheim-adres'] }],
          })
        ).status,
      ).toBe(200)
    await setPresent('mama')
    expect(
      (
        await sanne.post(`/api/workspace/children/${childId}/other-parent`, {
          text: 'Papa krijgt elke zes weken een kort verslag van de begeleiding',
          agreedOn: '2026-11-20',
        })
      ).status,
    ).toBe(201)

    // The child, in a gesprek while mama is the parent here, shares two answers "aan mama".
    const gesprek = async () => {
      const g = (await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'stoplicht' })).body as {
        gesprek: { id: string }
        join: { code: string }
      }
      const token = (
        (await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.join.code })).body as {
          token: string
        }
      ).token
      const kind = open(server.url, { token })
      await connected(kind)
      expect((await emitAck(kind, 'gesprek:join', { gesprekId: g.gesprek.id })).ok).toBe(true)
      const send = async (event: unknown) =>
        expect(
          (await emitAck(kind, 'gesprek:command', { gesprekId: g.gesprek.id, clientMsgId: msgId(), event })).ok,
        ).toBe(true)
      await send({ type: 'nav.next' })
      return send
    }
    const AAN_MAMA = canary('AANMAMA')
    const ZELF_MAMA = canary('ZELFMAMA')
    const first = await gesprek()
    await first({
      type: 'item.add',
      item: { id: 'colour-eigen-0001', subject: 'eigen', colour: 'groen', text: AAN_MAMA },
    })
    await first({
      type: 'item.add',
      item: { id: 'colour-eigen-0002', subject: 'eigen', colour: 'oranje', text: ZELF_MAMA },
    })
    await first({ type: 'share.set', itemIds: ['colour-eigen-0001'], level: 'begeleider-vertelt', to: 'mama' })
    await first({ type: 'share.set', itemIds: ['colour-eigen-0002'], level: 'zelf-vertellen', to: 'mama' })

    const prep = async (query: string, path = 'oudergesprek') => {
      const res = await sanne.get(`/api/workspace/children/${childId}/${path}${query}`)
      expect(res.status, query).toBe(200)
      return res.body as OudergesprekOut
    }
    const MAMA_NOTE = canary('MAMANOTE')
    const PAPA_NOTE = canary('PAPANOTE')
    const draft = (ouder: string, text: string) =>
      sanne.request('PUT', `/api/workspace/children/${childId}/oudergesprek/draft?ouder=${ouder}`, {
        talkingPoints: text,
        tips: '',
      })
    expect((await draft('mama', MAMA_NOTE)).status).toBe(200)

    // Mama's preparation (the default while mama is the parent here) has both, and mama's own notes.
    const forMama = await prep('')
    expect(forMama.parent).toEqual({ for: 'mama', present: 'mama' })
    expect(forMama.otherParent).toBeNull()
    expect(JSON.stringify(forMama)).toContain(AAN_MAMA)
    expect(JSON.stringify(forMama)).toContain(ZELF_MAMA)
    expect(forMama.draft?.talkingPoints).toBe(MAMA_NOTE)

    // Papa's preparation: the begeleider's own record of how papa is informed, none of the child's answers.
    for (const path of ['oudergesprek', 'oudergesprek/print']) {
      const forPapa = await prep('?ouder=papa', path)
      expect(forPapa.parent).toEqual({ for: 'papa', present: 'mama' })
      expect(forPapa.zelfVertellen).toEqual([])
      expect(forPapa.begeleiderVertelt).toEqual([])
      expect(forPapa.draft).toBeNull()
      expect(forPapa.otherParent?.informed?.text).toContain('zes weken')
      expect(forPapa.otherParent?.profile.contact).toBe('begeleid')
      for (const secret of [AAN_MAMA, ZELF_MAMA, MAMA_NOTE]) expect(JSON.stringify(forPapa), path).not.toContain(secret)
    }
    expect((await draft('papa', PAPA_NOTE)).status).toBe(200)
    expect((await prep('?ouder=papa')).draft?.talkingPoints).toBe(PAPA_NOTE)
    expect(JSON.stringify(await prep('?ouder=mama'))).not.toContain(PAPA_NOTE)

    // The begeleider now records papa as the parent here (the family's situation changed, or a mistake):
    // what the child shared "aan mama" does not move to papa's preparation, print or family sheet.
    await setPresent('papa')
    for (const path of ['oudergesprek', 'oudergesprek/print']) {
      const now = await prep('', path)
      expect(now.parent).toEqual({ for: 'papa', present: 'papa' })
      for (const secret of [AAN_MAMA, ZELF_MAMA, MAMA_NOTE]) expect(JSON.stringify(now), path).not.toContain(secret)
    }
    const family = (await sanne.get(`/api/method/families/${card.familyId}/oudergesprek?with=papa`))
      .body as FamilyPrepOut
    expect(family.children.map((c) => c.included)).toEqual([true])
    expect(JSON.stringify(family)).not.toContain(AAN_MAMA)
    expect(JSON.stringify(family)).not.toContain(ZELF_MAMA)
    // It stays in mama's, now as the parent who did not come along.
    const mamaNow = await prep('?ouder=mama')
    expect(mamaNow.otherParent).not.toBeNull()
    expect(JSON.stringify(mamaNow)).toContain(AAN_MAMA)

    // And the other way round: shared "aan papa", it is in papa's, never in mama's.
    const AAN_PAPA = canary('AANPAPA')
    const second = await gesprek()
    await second({
      type: 'item.add',
      item: { id: 'colour-eigen-0003', subject: 'eigen', colour: 'groen', text: AAN_PAPA },
    })
    await second({ type: 'share.set', itemIds: ['colour-eigen-0003'], level: 'begeleider-vertelt', to: 'papa' })
    expect(JSON.stringify(await prep(''))).toContain(AAN_PAPA)
    for (const path of ['oudergesprek', 'oudergesprek/print'])
      expect(JSON.stringify(await prep('?ouder=mama', path))).not.toContain(AAN_PAPA)
    const familyMama = (await sanne.get(`/api/method/families/${card.familyId}/oudergesprek?with=mama`))
      .body as FamilyPrepOut
    expect(JSON.stringify(familyMama)).not.toContain(AAN_PAPA)

    // A level that reaches no parent names no parent: kept to "begeleider", the addressee is gone too.
    await second({ type: 'share.set', itemIds: ['colour-eigen-0003'], level: 'begeleider', to: 'papa' })
    const seen = (await server.host.view(
      (
        (await sanne.get(`/api/workspace/children/${childId}/history`)).body as {
          timeline: { gesprekId: string }[]
        }
      ).timeline[0]!.gesprekId,
      'begeleider',
    )) as { view: { items: { id: string; shareTo?: string }[] } }
    expect(seen.view.items.find((i) => i.id === 'colour-eigen-0003')?.shareTo).toBeUndefined()
    expect(JSON.stringify(await prep(''))).not.toContain(AAN_PAPA)

    // Bad input is a clear error; another team's begeleider finds nothing; the child cannot read it.
    expect((await sanne.get(`/api/workspace/children/${childId}/oudergesprek?ouder=oma`)).status).toBe(400)
    expect((await draft('oma', 'x')).status).toBe(400)
    const joris = await HttpUser.login(server.url, 'joris')
    expect((await joris.get(`/api/workspace/children/${childId}/oudergesprek?ouder=papa`)).status).toBe(404)
  }, 90_000)

  it('a draft from before the upgrade belongs to the parent recorded then, and to no other parent', async () => {
    const { server, sanne } = await startSeeded()
    const childId = (
      (await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })).body as {
        id: string
      }
    ).id
    const profile = { present: 'mama', other: {}, flags: [] }
    expect((await sanne.request('PUT', `/api/parents/children/${childId}`, profile)).status).toBe(200)
    // The store as it was before migration 135: one draft per child, sealed without a parent.
    const db = server.deps.db
    await sql`drop table parent_drafts`.execute(db)
    await db.deleteFrom('schema_migrations').where('version', '=', 135).execute()
    const child = await db.selectFrom('children').selectAll().where('id', '=', childId).executeTakeFirstOrThrow()
    const key = server.deps.keys.unwrap(child.id, child.key_wrapped)
    const OLD = canary('OLDDRAFT')
    const begeleider = await db.selectFrom('begeleiders').select('id').executeTakeFirstOrThrow()
    await db
      .insertInto('oudergesprek_drafts')
      .values({
        child_id: childId,
        begeleider_id: begeleider.id,
        body_enc: seal(key, JSON.stringify({ talkingPoints: OLD, tips: '' }), `${childId}:oudergesprek-draft`),
        updated_at: new Date().toISOString(),
      })
      .execute()
    expect(await migrate(db)).toBe(1)

    const mama = (await sanne.get(`/api/workspace/children/${childId}/oudergesprek`)).body as OudergesprekOut
    expect(mama.draft?.talkingPoints).toBe(OLD)
    const papa = (await sanne.get(`/api/workspace/children/${childId}/oudergesprek?ouder=papa`)).body as OudergesprekOut
    expect(papa.draft).toBeNull()
    expect(JSON.stringify(papa)).not.toContain(OLD)
    // Saved again, it is sealed for mama's row; the old table holds nothing any more.
    await sanne.request('PUT', `/api/workspace/children/${childId}/oudergesprek/draft?ouder=mama`, {
      talkingPoints: `${OLD} bijgewerkt`,
      tips: '',
    })
    expect(
      ((await sanne.get(`/api/workspace/children/${childId}/oudergesprek`)).body as OudergesprekOut).draft
        ?.talkingPoints,
    ).toBe(`${OLD} bijgewerkt`)
    expect(await db.selectFrom('oudergesprek_drafts').selectAll().execute()).toEqual([])
  }, 60_000)
})
