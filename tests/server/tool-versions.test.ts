import { describe, expect, it } from 'vitest'
import type {
  DraftOut,
  GesprekToolOut,
  PublishOut,
  ToolVersionDoc,
  ToolVersionFile,
  ToolVersionSummary,
  VersionChanges,
} from '../../dialogs/contract/tool-version'
import {
  connected,
  emitAck,
  HttpUser,
  msgId,
  startGesprek,
  type DraftRefusal,
  type Refusal,
  type TestServer,
} from '../helpers/server'
import { sendTooBig } from '../helpers/too-big'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

/** Organisation A's admin and begeleider Sanne, organisation B's admin. */
async function setUp() {
  const { server, sanne } = await startSeeded()
  const admin = await HttpUser.login(server.url, 'admin-a')
  const adminB = await HttpUser.login(server.url, 'admin-b')
  return { server, sanne, admin, adminB }
}

async function draftOf(admin: HttpUser, toolId = 'stoplicht'): Promise<ToolVersionDoc> {
  const r = await admin.get<DraftOut>(`/api/tool-versions/${toolId}/draft`)
  expect(r.status).toBe(200)
  return r.body.doc
}

/** `doc` is any JSON: the hostile cases send what the type would not allow. */
const put = (u: HttpUser, doc: ToolVersionDoc | Record<string, unknown>, toolId = 'stoplicht') =>
  u.request<DraftOut | DraftRefusal>('PUT', `/api/tool-versions/${toolId}/draft`, { doc })

/** Sets one text in every language, so the version stays complete in all eight. */
function setEverywhere(doc: ToolVersionDoc, key: string, text: string): ToolVersionDoc {
  const texts = Object.fromEntries(Object.entries(doc.texts).map(([lang, map]) => [lang, { ...map, [key]: text }]))
  return { ...doc, texts }
}

const kindTool = async (server: TestServer, token: string) =>
  (await new HttpUser(server.url, token).get<GesprekToolOut>('/api/kind/tool')).body

async function command(server: TestServer, token: string, gesprekId: string, event: unknown) {
  const kind = open(server.url, { token })
  await connected(kind)
  const ack = await emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
  kind.disconnect()
  return ack
}

async function storedCount(server: TestServer) {
  const drafts = await server.deps.db.selectFrom('tool_drafts').select('tool_id').execute()
  const versions = await server.deps.db.selectFrom('tool_versions').select('id').execute()
  return { drafts: drafts.length, versions: versions.length }
}

describe('an organisation publishes its own version of a tool', () => {
  it('new gesprekken show the new words; a running one keeps its version and replays to its snapshot', async () => {
    const { server, sanne, admin } = await setUp()
    // A gesprek that started on the built-in version 1, with an answer in it.
    const running = await startGesprek(server.url, sanne, { toolId: 'stoplicht', ageBand: '8-12', nickname: 'Ada' })
    expect((await command(server, running.token, running.gesprekId, { type: 'nav.next' })).ok).toBe(true)
    const item = { type: 'item.add', item: { id: 'item-run-0001', subject: 'school', colour: 'groen' } }
    expect((await command(server, running.token, running.gesprekId, item)).ok).toBe(true)

    // The trainer rewords a place in every language, adds a place of her own (Dutch and English only),
    // and drops the ladder step.
    let doc = await draftOf(admin)
    doc = setEverywhere(doc, 'plekken.prompts.school', 'Op school en in de klas')
    doc = {
      ...doc,
      steps: doc.steps
        .filter((s) => s.id !== 'schaal')
        .map((s) => (s.id === 'plekken' ? { ...s, prompts: [...s.prompts!, 'vraag-sport1'] } : s)),
      texts: {
        ...doc.texts,
        nl: { ...doc.texts.nl, 'plekken.prompts.vraag-sport1': 'Bij sport of bij een club' },
        en: { ...doc.texts.en, 'plekken.prompts.vraag-sport1': 'At sport or at a club' },
      },
    }
    const saved = await put(admin, doc)
    expect(saved.status).toBe(200)
    // What is missing where: the six languages without the new place.
    const missing = Object.fromEntries((saved.body as DraftOut).completeness.map((c) => [c.lang, c.missing]))
    expect(missing.nl).toEqual([])
    expect(missing.ar).toEqual(['plekken.prompts.vraag-sport1'])

    const published = await admin.post('/api/tool-versions/stoplicht/publish', { note: 'Eigen woorden voor school' })
    expect(published.status).toBe(201)
    expect(published.body).toEqual({ version: 2, languages: ['nl', 'en'] })

    // A new gesprek starts on version 2 and shows its words; only its complete languages are offered.
    const fresh = await startGesprek(server.url, sanne, { toolId: 'stoplicht', ageBand: '8-12', nickname: 'Bo' })
    const freshTool = await kindTool(server, fresh.token)
    expect(freshTool).toMatchObject({ toolId: 'stoplicht', version: 2, builtin: false, languages: ['nl', 'en'] })
    expect(freshTool.doc!.texts.nl!['plekken.prompts.school']).toBe('Op school en in de klas')
    expect(freshTool.doc!.steps.map((s) => s.id)).not.toContain('schaal')
    // Its machine is the edited step list: the new place takes a colour, and after the places comes "nodig".
    expect((await command(server, fresh.token, fresh.gesprekId, { type: 'nav.next' })).ok).toBe(true)
    const own = { type: 'item.add', item: { id: 'item-new-0001', subject: 'vraag-sport1', colour: 'oranje' } }
    expect((await command(server, fresh.token, fresh.gesprekId, own)).ok).toBe(true)
    expect((await command(server, fresh.token, fresh.gesprekId, { type: 'nav.next' })).ok).toBe(true)
    expect((await server.host.view(fresh.gesprekId, 'kind')).view.step?.id).toBe('nodig')
    const freshRow = await server.deps.db
      .selectFrom('gesprekken')
      .select(['tool_version', 'tool_version_id'])
      .where('id', '=', fresh.gesprekId)
      .executeTakeFirstOrThrow()
    expect(freshRow.tool_version).toBe('org-2')
    expect(freshRow.tool_version_id).toBeTruthy()

    // The running gesprek stays on the built-in: its ladder is still there, and the new place is not.
    expect(await kindTool(server, running.token)).toMatchObject({ version: 1, builtin: true })
    expect((await command(server, running.token, running.gesprekId, { type: 'nav.next' })).ok).toBe(true)
    server.host.forget(running.gesprekId) // as after a restart: loaded again from the row
    expect((await server.host.view(running.gesprekId, 'kind')).view.step?.id).toBe('schaal')
    const strange = { type: 'item.add', item: { id: 'item-run-0002', subject: 'vraag-sport1', colour: 'rood' } }
    expect((await command(server, running.token, running.gesprekId, { type: 'nav.back' })).ok).toBe(true)
    expect(await command(server, running.token, running.gesprekId, strange)).toEqual({
      ok: false,
      error: 'not_allowed_now',
    })

    // The log is the truth for both: replay gives exactly the stored snapshot.
    for (const g of [running, fresh]) {
      server.host.forget(g.gesprekId)
      const { persisted } = await server.host.replay(g.gesprekId)
      expect(persisted).toEqual(await server.host.storedSnapshot(g.gesprekId))
    }

    // The begeleider sees the versions, who published and why, and how many gesprekken use each.
    const versions = (await sanne.get<{ versions: ToolVersionSummary[] }>('/api/tool-versions/stoplicht/versions')).body
      .versions
    expect(versions.map((v) => v.version)).toEqual([2, 1])
    expect(versions[0]).toMatchObject({ note: 'Eigen woorden voor school', publishedBy: 'Admin A', current: true })
    expect(versions[0]!.gesprekken).toBe(1)
    expect(versions[1]).toMatchObject({ builtin: true, current: false, gesprekken: 1 })
    const changes = (await sanne.get<VersionChanges>('/api/tool-versions/stoplicht/compare?from=1&to=2')).body
    expect(changes.steps.from).toContain('schaal')
    expect(changes.steps.to).not.toContain('schaal')
    const nl = changes.texts.find((t) => t.lang === 'nl')!
    expect(nl.changed).toEqual(['plekken.prompts.school'])
    expect(nl.added).toEqual(['plekken.prompts.vraag-sport1'])
    expect(nl.removed).toEqual(
      expect.arrayContaining(['steps.schaal', 'schaal.title', 'schaal.anchors.low', 'schaal.followUps.waarom-hier']),
    )
  })

  it('withdraws a version for new gesprekken, never deletes one a gesprek uses, and keeps one offered', async () => {
    const { server, sanne, admin } = await setUp()
    const doc = setEverywhere(await draftOf(admin), 'plekken.title', 'Welke kleur geef jij het?')
    expect((await put(admin, doc)).status).toBe(200)
    expect((await admin.post('/api/tool-versions/stoplicht/publish', { note: 'titel' })).status).toBe(201)
    const onTwo = await startGesprek(server.url, sanne, { toolId: 'stoplicht', nickname: 'Cas' })
    expect((await kindTool(server, onTwo.token)).version).toBe(2)

    expect((await admin.post('/api/tool-versions/stoplicht/versions/2/withdraw')).status).toBe(200)
    const afterWithdraw = await startGesprek(server.url, sanne, { toolId: 'stoplicht', nickname: 'Dani' })
    expect((await kindTool(server, afterWithdraw.token)).version).toBe(1)
    // The running gesprek on version 2 goes on.
    expect((await command(server, onTwo.token, onTwo.gesprekId, { type: 'nav.next' })).ok).toBe(true)
    expect((await kindTool(server, onTwo.token)).version).toBe(2)

    // In use: never deleted.
    expect((await admin.request<Refusal>('DELETE', '/api/tool-versions/stoplicht/versions/2')).body).toEqual({
      error: 'version_in_use',
    })
    expect((await admin.request<Refusal>('DELETE', '/api/tool-versions/stoplicht/versions/1')).body).toEqual({
      error: 'version_in_use',
    })
    // The only version left offered cannot be withdrawn too.
    expect((await admin.post<Refusal>('/api/tool-versions/stoplicht/versions/1/withdraw')).body).toEqual({
      error: 'version_last',
    })
    // Back again, and a withdrawn version nobody uses can go.
    expect((await admin.post('/api/tool-versions/stoplicht/versions/2/reinstate')).status).toBe(200)
    expect((await admin.post('/api/tool-versions/stoplicht/versions/1/withdraw')).status).toBe(200)
    const onlyTwo = await startGesprek(server.url, sanne, { toolId: 'stoplicht', nickname: 'Eva' })
    expect((await kindTool(server, onlyTwo.token)).version).toBe(2)
    expect((await put(admin, doc)).status).toBe(200)
    expect((await admin.post<PublishOut>('/api/tool-versions/stoplicht/publish', { note: 'drie' })).body.version).toBe(
      3,
    )
    expect((await admin.post('/api/tool-versions/stoplicht/versions/3/withdraw')).status).toBe(200)
    expect((await admin.request('DELETE', '/api/tool-versions/stoplicht/versions/3')).status).toBe(200)
    expect((await admin.get('/api/tool-versions/stoplicht/versions/3')).status).toBe(404)
  })
})

describe('the rules no edit can break, on the server', () => {
  it('refuses a tool without its sharing step, honest line or closing, and stores nothing', async () => {
    const { server, admin } = await setUp()
    const doc = await draftOf(admin)
    const cases: [ToolVersionDoc, string, string][] = [
      [{ ...doc, steps: doc.steps.filter((s) => s.type !== 'share') }, 'tool_needs_sharing', 'needs_sharing'],
      [
        // Sharing before the answers: items added after it would never be asked about.
        { ...doc, steps: [doc.steps[0]!, doc.steps[4]!, ...doc.steps.slice(1, 4), doc.steps[5]!] },
        'tool_needs_sharing',
        'sharing_after_answers',
      ],
      [
        {
          ...doc,
          steps: doc.steps.map((s) =>
            s.id === 'intro' ? { ...s, prompts: s.prompts!.filter((p) => p !== 'honest') } : s,
          ),
        },
        'tool_needs_honest',
        'needs_honest',
      ],
      [{ ...doc, steps: doc.steps.slice(1) }, 'tool_needs_honest', 'needs_intro'],
      [{ ...doc, steps: doc.steps.slice(0, -1) }, 'tool_invalid', 'needs_closing'],
      [setEverywhere(doc, 'intro.prompt', 'Hallo <script>alert(1)</script>'), 'tool_text_unsafe', 'text_markup'],
      [setEverywhere(doc, 'intro.prompt', 'Hallo {{nickname}}'), 'tool_text_unsafe', 'text_markup'],
      [setEverywhere(doc, 'intro.prompt', '$t(errors:internal)'), 'tool_text_unsafe', 'text_markup'],
      [
        setEverywhere(doc, 'steps.plekken', 'Een veel te lange naam voor de stappenbalk'),
        'tool_text_too_long',
        'text_too_long',
      ],
      [{ ...doc, toolId: 'drie-huizen' }, 'tool_invalid', 'wrong_tool'],
    ]
    for (const [bad, code, rule] of cases) {
      const r = await put(admin, bad)
      expect(r.status, rule).toBe(422)
      const body = r.body as DraftRefusal
      expect(body.error, rule).toBe(code)
      expect(
        body.problems.map((p) => p.rule),
        rule,
      ).toContain(rule)
    }
    // No field can switch the controls off: the document has none, and an unknown one is a wrong shape.
    for (const extra of [{ pause: false }, { skip: false }, { quickExit: false }]) {
      const steps = doc.steps.map((s, i) => (i === 1 ? { ...s, ...extra } : s))
      expect((await put(admin, { ...doc, steps })).body).toEqual({ error: 'invalid_payload' })
    }
    expect((await put(admin, { ...doc, quickExit: false })).body).toEqual({
      error: 'invalid_payload',
    })
    expect(await storedCount(server)).toEqual({ drafts: 0, versions: 0 })

    // An honest line emptied in Dutch may be saved while editing, but is never published.
    const emptied = { ...doc, texts: { ...doc.texts, nl: { ...doc.texts.nl, 'intro.honest': ' ' } } }
    expect((await put(admin, emptied)).status).toBe(200)
    const refused = await admin.post<Refusal>('/api/tool-versions/stoplicht/publish', { note: 'x' })
    expect(refused.status).toBe(422)
    expect(refused.body.error).toBe('tool_needs_honest')
    const half = { ...doc, texts: { ...doc.texts, nl: { ...doc.texts.nl, 'plekken.prompt': '' } } }
    expect((await put(admin, half)).status).toBe(200)
    expect((await admin.post<Refusal>('/api/tool-versions/stoplicht/publish', { note: 'x' })).body.error).toBe(
      'tool_incomplete',
    )
    expect((await storedCount(server)).versions).toBe(0)
  })

  it('refuses a damaged or hostile import file with a clear code, and stores nothing', async () => {
    const { server, admin } = await setUp()
    const exported = (await admin.get<ToolVersionFile>('/api/tool-versions/stoplicht/versions/1/export')).body
    expect(exported).toMatchObject({
      format: 'kindgesprek-tool-version',
      formatVersion: 2,
      toolId: 'stoplicht',
      version: 1,
    })
    const post = <T = Refusal>(raw: string) => admin.request<T>('POST', '/api/tool-versions/stoplicht/import', raw)
    const hostile: [string, number, string][] = [
      ['{"format": "kindgesprek-tool-version", "doc": ', 400, 'tool_file_invalid'],
      [JSON.stringify({ ...exported, formatVersion: 3 }), 400, 'tool_file_invalid'],
      [JSON.stringify({ ...exported, toolId: 'drie-huizen' }), 400, 'tool_file_invalid'],
      [JSON.stringify({ ...exported, doc: { ...exported.doc, steps: 'all' } }), 400, 'tool_file_invalid'],
      [JSON.stringify({ ...exported, __proto__: { admin: true }, extra: 1 }), 400, 'tool_file_invalid'],
      [
        JSON.stringify({
          ...exported,
          doc: setEverywhere(exported.doc, 'intro.title', '<img src=x onerror=alert(1)>'),
        }),
        422,
        'tool_text_unsafe',
      ],
      [
        JSON.stringify({ ...exported, doc: setEverywhere(exported.doc, 'intro.title', 'javascript:alert(1)') }),
        422,
        'tool_text_unsafe',
      ],
      [
        JSON.stringify({
          ...exported,
          doc: { ...exported.doc, steps: exported.doc.steps.filter((s) => s.type !== 'share') },
        }),
        422,
        'tool_needs_sharing',
      ],
    ]
    for (const [raw, status, code] of hostile) {
      const r = await post(raw)
      expect(r.status, code).toBe(status)
      expect(r.body.error, code).toBe(code)
    }
    const big = new TextEncoder().encode(JSON.stringify({ ...exported, note: 'x'.repeat(300 * 1024) }))
    const tooBig = await sendTooBig(admin, 'POST', '/api/tool-versions/stoplicht/import', 'application/json', big)
    expect([tooBig.status, tooBig.body.error]).toEqual([413, 'payload_too_large'])
    expect(await storedCount(server)).toEqual({ drafts: 0, versions: 0 })

    // A good file lands in the draft (never straight into a published version).
    const good = setEverywhere(exported.doc, 'intro.title', 'Het stoplicht van onze opvang')
    const r = await post<DraftOut>(JSON.stringify({ ...exported, doc: good }))
    expect(r.status).toBe(200)
    expect(r.body.doc.texts.nl!['intro.title']).toBe('Het stoplicht van onze opvang')
    expect(await storedCount(server)).toEqual({ drafts: 1, versions: 0 })
  })

  it('admins only, and only their own organisation', async () => {
    const { server, sanne, admin, adminB } = await setUp()
    const doc = setEverywhere(await draftOf(admin), 'plekken.title', 'Welke kleur?')
    // A begeleider reads versions but never edits, publishes, withdraws, exports or imports.
    expect((await sanne.get('/api/tool-versions/stoplicht/draft')).status).toBe(403)
    expect((await put(sanne, doc)).status).toBe(403)
    expect((await sanne.post('/api/tool-versions/stoplicht/publish', { note: 'x' })).status).toBe(403)
    expect((await sanne.post('/api/tool-versions/stoplicht/versions/1/withdraw')).status).toBe(403)
    expect((await sanne.get('/api/tool-versions/stoplicht/versions/1/export')).status).toBe(403)
    expect((await sanne.request('POST', '/api/tool-versions/stoplicht/import', '{}')).status).toBe(403)
    expect((await new HttpUser(server.url).get('/api/tool-versions')).status).toBe(401)
    expect(await storedCount(server)).toEqual({ drafts: 0, versions: 0 })

    expect((await put(admin, doc)).status).toBe(200)
    expect((await admin.post('/api/tool-versions/stoplicht/publish', { note: 'A' })).status).toBe(201)
    // Organisation B sees its own built-in version only; A's version 2 does not exist for it.
    const bVersions = (await adminB.get<{ versions: ToolVersionSummary[] }>('/api/tool-versions/stoplicht/versions'))
      .body.versions
    expect(bVersions.map((v) => v.version)).toEqual([1])
    expect((await adminB.get('/api/tool-versions/stoplicht/versions/2')).status).toBe(404)
    expect((await adminB.get('/api/tool-versions/stoplicht/versions/2/export')).status).toBe(404)
    expect((await adminB.post('/api/tool-versions/stoplicht/versions/2/withdraw')).status).toBe(404)
    expect((await adminB.request('DELETE', '/api/tool-versions/stoplicht/versions/2')).status).toBe(404)
    expect(
      (await adminB.get<DraftOut>('/api/tool-versions/stoplicht/draft')).body.doc.texts.nl!['plekken.title'],
    ).not.toBe('Welke kleur?')
    // The begeleider's own 0-4 observation is not editable: it has no versions.
    expect((await admin.get('/api/tool-versions/observatie/versions')).status).toBe(404)
    // A begeleider of B starting a Stoplicht gets the built-in, A's version stays A's.
    const bUser = await HttpUser.login(server.url, 'admin-b')
    const bGesprek = await startGesprek(server.url, bUser, { toolId: 'stoplicht', nickname: 'Fem' })
    expect((await kindTool(server, bGesprek.token)).version).toBe(1)
    // The begeleider's view of another team's gesprek tool is not found.
    expect((await sanne.get(`/api/gesprek-tool/${bGesprek.gesprekId}`)).status).toBe(404)
  })
})
