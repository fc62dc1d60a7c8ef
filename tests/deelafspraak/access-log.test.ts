import type { GesprekDetail } from '../../dialogs/contract/http'
import { describe, expect, it } from 'vitest'
import { ReceiptOut } from '../../dialogs/contract/receipt'
import { receiptFor, recordAccess, rowHash, verifyAccessLog } from '../../server/audit/access-log'
import { connected, emitAck, HttpUser, msgId, startGesprek } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

/** The access log (docs/deelafspraak.md): who looked at which child's gesprek is logged (never content), chained, and shown to the child. */

const { startSeeded, open } = useServers()

const SECRET = 'mijn-geheime-antwoord-over-thuis'

describe('access log and the child’s receipt', () => {
  it('logs the begeleider’s page and live view, and the child reads it back in plain entries', async () => {
    const { server, sanne } = await startSeeded()
    const { gesprekId, token, childId } = await startGesprek(server.url, sanne)
    const kind = open(server.url, { token })
    await connected(kind)
    const send = (event: unknown) => emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
    await send({ type: 'nav.next' })
    await send({ type: 'item.add', item: { id: 'item-goed-0001', text: SECRET } })
    await send({ type: 'nav.next' })
    await send({ type: 'nav.next' })
    await send({ type: 'item.add', item: { id: 'item-droom-001', text: 'een hond' } })
    await send({ type: 'share.set', itemIds: ['item-goed-0001'], level: 'alleen-ik' })

    // Before anyone looked, the receipt holds only the child's own screen joining (issue 17: every join is on it).
    const kindHttp = new HttpUser(server.url, token)
    expect(
      (await kindHttp.get<ReceiptOut>('/api/kind/receipt')).body.entries.map((e: { what: string }) => e.what),
    ).toEqual(['join'])

    expect((await sanne.get<GesprekDetail>(`/api/gesprekken/${gesprekId}`)).status).toBe(200)
    const beg = open(server.url, { cookie: sanne.cookie })
    await connected(beg)
    expect((await emitAck(beg, 'gesprek:join', { gesprekId })).ok).toBe(true)

    const rows = await server.deps.db
      .selectFrom('access_log')
      .selectAll()
      .where('what', '!=', 'join')
      .orderBy('id')
      .execute()
    expect(rows.map((r) => [r.what, r.child_id, r.gesprek_id, JSON.parse(r.step_ids) as unknown])).toEqual([
      ['gesprek', childId, gesprekId, ['huis-dromen']],
      ['live', childId, gesprekId, ['huis-dromen']],
    ])
    // Never content: the item the child kept to themself is not named, and no text is stored at all.
    expect(JSON.stringify(rows)).not.toContain(SECRET)
    expect(JSON.stringify(rows)).not.toContain('een hond')

    const receipt = await kindHttp.get<ReceiptOut>('/api/kind/receipt')
    expect(receipt.status).toBe(200)
    const entries = ReceiptOut.parse(receipt.body).entries.filter((e) => e.what !== 'join')
    // Page + live view on one day are one look for the child.
    expect(entries).toEqual([
      {
        who: 'Sanne',
        role: 'begeleider',
        what: 'live',
        toolId: 'drie-huizen',
        stepIds: ['huis-dromen'],
        at: rows[1]!.created_at,
        count: 2,
      },
    ])
    expect(JSON.stringify(receipt.body)).not.toContain(SECRET)
  })

  it('scopes the receipt to the token’s own child and refuses without a token', async () => {
    const { server, sanne } = await startSeeded()
    const mo = await startGesprek(server.url, sanne, { nickname: 'Mo' })
    const noor = await startGesprek(server.url, sanne, { nickname: 'Noor' })
    await sanne.get<GesprekDetail>(`/api/gesprekken/${mo.gesprekId}`)
    const looks = async (token: string) =>
      (
        (await new HttpUser(server.url, token).get<ReceiptOut>('/api/kind/receipt')).body.entries as { what: string }[]
      ).filter((e) => e.what !== 'join')
    // Each child sees their own screen's join (one line) and only their own looks.
    expect(await looks(noor.token)).toEqual([])
    expect(await looks(mo.token)).toHaveLength(1)
    expect(await new HttpUser(server.url).get<ReceiptOut>('/api/kind/receipt')).toMatchObject({
      status: 401,
      body: { error: 'session_expired' },
    })
    // A begeleider's cookie is not a child's token.
    expect((await sanne.get<ReceiptOut>('/api/kind/receipt')).status).toBe(401)
  })

  it('folds repeated looks on one day into one line, and keeps different screens apart', async () => {
    const { server, ids } = await startSeeded()
    const sanne = await HttpUser.login(server.url, 'sanne')
    const { gesprekId, childId } = await startGesprek(server.url, sanne)
    for (let i = 0; i < 3; i++) await sanne.get<GesprekDetail>(`/api/gesprekken/${gesprekId}`)
    await recordAccess(server.deps, { begeleiderId: ids.a1, childId, gesprekId, what: 'print' })
    const entries = await receiptFor(server.deps, childId)
    expect(entries.map((e) => [e.what, e.count])).toEqual([
      ['print', 1],
      ['gesprek', 3],
      ['join', 1],
    ])
  })

  it('chains every row to the one before: changing, removing or forging a row is detected', async () => {
    const { server, sanne } = await startSeeded()
    const { gesprekId } = await startGesprek(server.url, sanne)
    for (let i = 0; i < 5; i++) await sanne.get<GesprekDetail>(`/api/gesprekken/${gesprekId}`)
    const good = await verifyAccessLog(server.deps)
    // Five looks and the child's screen joining.
    expect(good).toMatchObject({ ok: true, rows: 6 })
    const db = server.deps.db

    // Someone edits what was looked at (hiding an export, say).
    await db.updateTable('access_log').set({ what: 'live' }).where('id', '=', 3).execute()
    expect(await verifyAccessLog(server.deps)).toEqual({ ok: false, brokenAtId: 3 })
    await db.updateTable('access_log').set({ what: 'gesprek' }).where('id', '=', 3).execute()
    expect(await verifyAccessLog(server.deps)).toEqual(good)

    // Someone changes who looked, and fixes up that row's own hash: the next row's link still breaks.
    const row3 = await db.selectFrom('access_log').selectAll().where('id', '=', 3).executeTakeFirstOrThrow()
    const forged = { ...row3, begeleider_id: 'someone-else' }
    await db
      .updateTable('access_log')
      .set({ begeleider_id: forged.begeleider_id, hash: rowHash(forged) })
      .where('id', '=', 3)
      .execute()
    expect(await verifyAccessLog(server.deps)).toEqual({ ok: false, brokenAtId: 4 })
    await db
      .updateTable('access_log')
      .set({ begeleider_id: row3.begeleider_id, hash: row3.hash })
      .where('id', '=', 3)
      .execute()

    // Someone removes a row.
    await db.deleteFrom('access_log').where('id', '=', 2).execute()
    expect(await verifyAccessLog(server.deps)).toEqual({ ok: false, brokenAtId: 3 })
  })
})
