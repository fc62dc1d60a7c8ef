import { describe, expect, it } from 'vitest'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import type { KamerGesprek } from '../../dialogs/contract/kamer'
import type {
  DraftOut,
  GesprekToolOut,
  PublishOut,
  StepDoc,
  ToolsOverviewOut,
  ToolVersionDoc,
  ToolVersionFile,
  ToolVersionSummary,
  VersionChanges,
  VersionOut,
} from '../../dialogs/contract/tool-version'
import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { VoiceListOut } from '../../dialogs/contract/voices'
import { gesprekToolOut } from '../../server/tools/gesprek-tool'
import { oggOpus } from '../helpers/audio'
import { setUpKamer } from '../helpers/kamer'
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

/**
 * The kamer tools as texts-only versions (docs/decisions/0140-kamer-tools-texts-only.md): every text of
 * the built-in namespace is editable per language; the steps stay the built-in's, on the server.
 */
const { startSeeded, open } = useServers()

async function setUp() {
  const { server, sanne } = await startSeeded()
  const admin = await HttpUser.login(server.url, 'admin-a')
  const adminB = await HttpUser.login(server.url, 'admin-b')
  return { server, sanne, admin, adminB }
}

async function draftOf(admin: HttpUser, toolId: string): Promise<ToolVersionDoc> {
  const r = await admin.get<DraftOut>(`/api/tool-versions/${toolId}/draft`)
  expect(r.status).toBe(200)
  return r.body.doc
}

const put = <T = DraftOut | DraftRefusal>(u: HttpUser, toolId: string, doc: ToolVersionDoc | Record<string, unknown>) =>
  u.request<T>('PUT', `/api/tool-versions/${toolId}/draft`, { doc })

function setEverywhere(doc: ToolVersionDoc, key: string, text: string): ToolVersionDoc {
  const texts = Object.fromEntries(Object.entries(doc.texts).map(([lang, map]) => [lang, { ...map, [key]: text }]))
  return { ...doc, texts }
}

async function stored(server: TestServer) {
  const drafts = await server.deps.db.selectFrom('tool_drafts').select('tool_id').execute()
  const versions = await server.deps.db.selectFrom('tool_versions').select('id').execute()
  return { drafts: drafts.length, versions: versions.length }
}

async function command(server: TestServer, token: string, gesprekId: string, event: unknown) {
  const kind = open(server.url, { token })
  await connected(kind)
  const ack = await emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
  kind.disconnect()
  return ack
}

const kindTool = async (server: TestServer, token: string) =>
  (await new HttpUser(server.url, token).get<GesprekToolOut>('/api/kind/tool')).body

const TITLE = 'intro.title_jongere'

describe('a kamer tool as a texts-only version', () => {
  it('Mijn netwerk: a changed text reaches new gesprekken in the kamer and beside a begeleider; running ones keep theirs', async () => {
    const { server, sanne, admin } = await setUp()
    const overview = (await admin.get<ToolsOverviewOut>('/api/tool-versions')).body.tools
    for (const id of ['mijn-netwerk', 'mijn-kamer', 'kamer-notities', 'kennismaking-jongere'])
      expect(overview.find((t) => t.toolId === id)).toMatchObject({ textsOnly: true })
    expect(overview.find((t) => t.toolId === 'stoplicht')).toMatchObject({ textsOnly: false })

    // Gesprekken that run on the built-in version 1 before the publish: one in the kamer, one begeleid.
    const kamer = await setUpKamer(server.url, sanne)
    const jongere = new HttpUser(server.url, kamer.token)
    const before = (await jongere.post<KamerGesprek>('/api/kamer/gesprekken', { toolId: 'mijn-netwerk' })).body.id
    const guidedBefore = await startGesprek(server.url, sanne, { toolId: 'mijn-netwerk', ageBand: '12-15' })

    // The draft has every text of the namespace, the adult register and the info lines included,
    // and the keys with where each is shown.
    const draft = (await admin.get<DraftOut>('/api/tool-versions/mijn-netwerk/draft')).body
    expect(draft.problems).toEqual([])
    expect(draft.keys).toContainEqual({ key: TITLE, slot: 'title' })
    expect(draft.keys).toContainEqual({ key: 'intro.honest_jongere', slot: 'line' })
    expect(draft.keys).toHaveLength(41)
    const doc = setEverywhere(draft.doc, TITLE, 'Wie staan er om jou heen')
    expect((await put(admin, 'mijn-netwerk', doc)).status).toBe(200)
    const published = await admin.post('/api/tool-versions/mijn-netwerk/publish', { note: 'Eigen titel' })
    expect(published.status).toBe(201)
    expect(published.body).toEqual({ version: 2, languages: ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti', 'fa'] })
    const versions = (await admin.get<{ versions: ToolVersionSummary[] }>('/api/tool-versions/mijn-netwerk/versions'))
      .body.versions
    expect(versions.map((v) => v.version)).toEqual([2, 1])

    // The kamer keeps one gesprek per tool: the first jongere's Mijn netwerk is the running one, on version 1.
    expect((await jongere.post<KamerGesprek>('/api/kamer/gesprekken', { toolId: 'mijn-netwerk' })).body.id).toBe(before)
    // Another jongere's new kamer gesprek is on version 2 and its version carries the new words.
    const other = new HttpUser(server.url, (await setUpKamer(server.url, sanne)).token)
    const after = (await other.post<KamerGesprek>('/api/kamer/gesprekken', { toolId: 'mijn-netwerk' })).body.id
    const row = await server.deps.db
      .selectFrom('gesprekken')
      .select(['tool_version', 'tool_version_id'])
      .where('id', '=', after)
      .executeTakeFirstOrThrow()
    expect(row.tool_version).toBe('org-2')
    const out = await gesprekToolOut(server.deps, after)
    expect(out).toMatchObject({ toolId: 'mijn-netwerk', version: 2, builtin: false })
    expect(out.doc!.texts.nl![TITLE]).toBe('Wie staan er om jou heen')
    expect(out.doc!.texts.ti![TITLE]).toBe('Wie staan er om jou heen')
    // Its steps are the built-in's: the netwerk drawing runs as before.
    expect(out.doc!.steps.map((s) => `${s.id}:${s.type}`)).toEqual([
      'intro:info',
      'mensen:netwerk',
      'belangrijk:items',
      'delen:share',
      'afsluiting:info',
    ])
    // The running kamer gesprek keeps the built-in.
    expect(await gesprekToolOut(server.deps, before)).toMatchObject({ version: 1, builtin: true })

    // Beside a begeleider: the child's screen loads its gesprek's version (GET /api/kind/tool).
    expect(await kindTool(server, guidedBefore.token)).toMatchObject({ version: 1, builtin: true })
    const guided = await startGesprek(server.url, sanne, { toolId: 'mijn-netwerk', ageBand: '12-15' })
    const guidedTool = await kindTool(server, guided.token)
    expect(guidedTool).toMatchObject({ version: 2, builtin: false })
    expect(guidedTool.doc!.texts.en![TITLE]).toBe('Wie staan er om jou heen')
    // The built-in machine: a person in the netwerk step is taken.
    expect((await command(server, guided.token, guided.gesprekId, { type: 'nav.next' })).ok).toBe(true)
    const person = {
      type: 'item.add',
      item: {
        id: 'item-net-0001',
        person: { name: 'Oma', category: 'familie', circle: 1, gives: [], mustNotKnow: false },
      },
    }
    expect((await command(server, guided.token, guided.gesprekId, person)).ok).toBe(true)
    expect((await server.host.view(guided.gesprekId, 'kind')).view.step?.id).toBe('mensen')
  })

  it('refuses any change of the steps with tool_structure_locked, and stores nothing', async () => {
    const { server, admin } = await setUp()
    const doc = await draftOf(admin, 'mijn-kamer')
    const modules = doc.steps.find((s) => s.id === 'modules')!
    const withModules = (m: StepDoc) => ({ ...doc, steps: doc.steps.map((s) => (s.id === 'modules' ? m : s)) })
    const cases: [string, ToolVersionDoc, string][] = [
      ['a step removed', { ...doc, steps: doc.steps.filter((s) => s.id !== 'delen') }, 'delen'],
      ['steps reordered', { ...doc, steps: [doc.steps[0]!, doc.steps[2]!, doc.steps[1]!, doc.steps[3]!] }, 'modules'],
      [
        'a step added',
        { ...doc, steps: [...doc.steps.slice(0, 2), { id: 'stap-k3x9qa', type: 'items' }, ...doc.steps.slice(2)] },
        'stap-k3x9qa',
      ],
      ['a module removed', withModules({ ...modules, prompts: modules.prompts!.slice(1) }), 'modules'],
      [
        'a question added',
        withModules({
          ...modules,
          questions: { ...modules.questions, thuis: [...modules.questions!.thuis!, { id: 'nieuw', answer: 'text' }] },
        }),
        'modules',
      ],
      [
        'an answer type changed',
        withModules({
          ...modules,
          questions: {
            ...modules.questions,
            veiligheid: modules.questions!.veiligheid!.map((q) => ({ ...q, answer: 'text' as const })),
          },
        }),
        'modules',
      ],
    ]
    for (const [what, changed, stepId] of cases) {
      const r = await put<DraftRefusal>(admin, 'mijn-kamer', changed)
      expect([what, r.status, r.body.error]).toEqual([what, 422, 'tool_structure_locked'])
      expect(r.body.problems).toContainEqual({ rule: 'structure_locked', stepId })
    }
    // The kamer notes have no sharing step and no closing: their version is fine as the built-in has it,
    // and adding those steps is as refused as removing one.
    const notes = await draftOf(admin, 'kamer-notities')
    expect(notes.steps.map((s) => s.type)).toEqual(['info', 'items'])
    const withShare = { ...notes, steps: [...notes.steps, { id: 'delen', type: 'share' as const }] }
    expect((await put<DraftRefusal>(admin, 'kamer-notities', withShare)).body.error).toBe('tool_structure_locked')
    // A tool whose steps may be edited cannot take a netwerk drawing or modules either.
    const stoplicht = await draftOf(admin, 'stoplicht')
    const borrowed = { ...stoplicht, steps: [...stoplicht.steps.slice(0, 1), modules, ...stoplicht.steps.slice(1)] }
    const r = await put<DraftRefusal>(admin, 'stoplicht', borrowed)
    expect([r.status, r.body.error]).toEqual([422, 'tool_structure_locked'])
    expect(r.body.problems).toContainEqual({ rule: 'structure_locked', stepId: 'modules' })
    expect(await stored(server)).toEqual({ drafts: 0, versions: 0 })
  })

  it('keeps the text rules: sizes per place, no markup, the honest line; a missing language is not offered', async () => {
    const { server, sanne, admin } = await setUp()
    const doc = await draftOf(admin, 'mijn-kamer')
    const question = 'modules.questions.veiligheid.zorgen'
    for (const [key, text, error, rule] of [
      [question, 'W'.repeat(201), 'tool_text_too_long', 'text_too_long'],
      ['modules.back', 'T'.repeat(41), 'tool_text_too_long', 'text_too_long'],
      ['modules.anchors.veiligheid.schaal.low', 'A'.repeat(81), 'tool_text_too_long', 'text_too_long'],
      ['modules.about.thuis', 'Over thuis <script>alert(1)</script>', 'tool_text_unsafe', 'text_markup'],
      [question, 'Waar maak je je zorgen over, {{name}}?', 'tool_text_unsafe', 'text_markup'],
    ] as const) {
      const r = await put<DraftRefusal>(admin, 'mijn-kamer', setEverywhere(doc, key, text))
      expect([key, r.status, r.body.error]).toEqual([key, 422, error])
      expect(r.body.problems).toContainEqual({ rule, key, lang: 'nl' })
    }
    // A question at its limit is fine.
    expect((await put(admin, 'mijn-kamer', setEverywhere(doc, question, 'W'.repeat(200)))).status).toBe(200)
    // The honest line of the kamer notes, shortened to a placeholder: not publishable.
    const notes = setEverywhere(await draftOf(admin, 'kamer-notities'), 'intro.honest', 'Eerlijk.')
    expect((await put(admin, 'kamer-notities', notes)).status).toBe(200)
    const honest = await admin.post<Refusal>('/api/tool-versions/kamer-notities/publish', { note: 'kort' })
    expect([honest.status, honest.body.error]).toEqual([422, 'tool_needs_honest'])

    // Arabic without one module question: saved, shown as missing there, and not offered.
    const ar = { ...doc.texts.ar! }
    delete ar['modules.questions.toekomst.later']
    const edited = setEverywhere({ ...doc, texts: { ...doc.texts, ar } }, question, 'Waar lig je wakker van?')
    // A key the namespace does not have is no slot: dropped, never stored.
    edited.texts.nl!['modules.questions.thuis.nieuw'] = 'Een vraag die er niet is'
    const saved = await put<DraftOut>(admin, 'mijn-kamer', edited)
    expect(saved.status).toBe(200)
    expect(saved.body.doc.texts.nl!['modules.questions.thuis.nieuw']).toBeUndefined()
    const missing = saved.body.completeness.find((c) => c.lang === 'ar')
    expect(missing?.missing).toEqual(['modules.questions.toekomst.later'])
    const published = await admin.post<PublishOut>('/api/tool-versions/mijn-kamer/publish', { note: 'Zorgen' })
    expect(published.body).toEqual({ version: 2, languages: ['nl', 'en', 'tr', 'pl', 'uk', 'ti', 'fa'] })
    const child = (await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Noor', ageBand: '16-18' }))
      .body.id
    const inArabic = await sanne.post<Refusal>('/api/gesprekken', { childId: child, toolId: 'mijn-kamer', lang: 'ar' })
    expect([inArabic.status, inArabic.body.error]).toEqual([422, 'language_not_offered'])
    const inDutch = await sanne.post<NewGesprekOut>('/api/gesprekken', {
      childId: child,
      toolId: 'mijn-kamer',
      lang: 'nl',
    })
    expect(inDutch.status).toBe(201)
    const out = await gesprekToolOut(server.deps, inDutch.body.gesprek.id)
    expect(out.doc!.texts.nl![question]).toBe('Waar lig je wakker van?')
  })

  it('exports and imports a kamer tool version; a damaged or hostile file is refused and stores nothing', async () => {
    const { server, admin, adminB } = await setUp()
    const doc = setEverywhere(await draftOf(admin, 'kennismaking-jongere'), 'wonen.prompt', 'Hoe is je plek hier?')
    expect((await put(admin, 'kennismaking-jongere', doc)).status).toBe(200)
    expect((await admin.post('/api/tool-versions/kennismaking-jongere/publish', { note: 'Wonen' })).status).toBe(201)
    const file = (await admin.get<ToolVersionFile>('/api/tool-versions/kennismaking-jongere/versions/2/export')).body
    expect(file).toMatchObject({ format: 'kindgesprek-tool-version', toolId: 'kennismaking-jongere', version: 2 })
    // The begeleider's name stays where the screen fills it.
    expect(file.doc.texts.nl!['begeleider.prompt']).toContain('{{name}}')

    const post = <T = Refusal>(raw: string) =>
      adminB.request<T>('POST', '/api/tool-versions/kennismaking-jongere/import', raw)
    const before = await stored(server)
    for (const [raw, status, error] of [
      ['{"format":', 400, 'tool_file_invalid'],
      [JSON.stringify({ ...file, toolId: 'mijn-netwerk' }), 400, 'tool_file_invalid'],
      [
        JSON.stringify({ ...file, doc: { ...file.doc, texts: { nl: { 'a.b.c.d.e.f.g': 'x' } } } }),
        400,
        'tool_file_invalid',
      ],
      [
        JSON.stringify({
          ...file,
          doc: { ...file.doc, steps: file.doc.steps.filter((s) => s.type !== 'share') },
        }),
        422,
        'tool_structure_locked',
      ],
      [
        JSON.stringify({
          ...file,
          doc: setEverywhere(file.doc, 'vraag.prompt', 'Klik <a href="javascript:x">hier</a>'),
        }),
        422,
        'tool_text_unsafe',
      ],
    ] as const) {
      const r = await post(raw)
      expect([raw.slice(0, 40), r.status, r.body.error]).toEqual([raw.slice(0, 40), status, error])
    }
    const big = new TextEncoder().encode(JSON.stringify({ ...file, note: 'x'.repeat(300 * 1024) }))
    const tooBig = await sendTooBig(
      adminB,
      'POST',
      '/api/tool-versions/kennismaking-jongere/import',
      'application/json',
      big,
    )
    expect(tooBig.status).toBe(413)
    expect(await stored(server)).toEqual(before)

    // The real file: organisation B's draft, then B's own version 2 with A's words.
    const imported = await post<DraftOut>(JSON.stringify(file))
    expect(imported.status).toBe(200)
    expect(imported.body.problems).toEqual([])
    expect(imported.body.doc).toEqual(file.doc)
    expect((await adminB.post('/api/tool-versions/kennismaking-jongere/publish', { note: 'Van A' })).status).toBe(201)
    const b2 = (await adminB.get<VersionOut>('/api/tool-versions/kennismaking-jongere/versions/2')).body
    expect(b2.doc.texts.nl!['wonen.prompt']).toBe('Hoe is je plek hier?')
    // Comparing versions names the changed key only.
    const changes = (await admin.get<VersionChanges>('/api/tool-versions/kennismaking-jongere/compare?from=1&to=2'))
      .body
    expect(changes.texts.find((t) => t.lang === 'nl')).toEqual({
      lang: 'nl',
      added: [],
      removed: [],
      changed: ['wonen.prompt'],
    })
  })

  it('a voice recorded for a kamer tool text belongs to the version, and follows an unchanged text to the next', async () => {
    const { admin } = await setUp()
    const key = 'modules.questions.hoe-gaat-het.stemming'
    const v1 = (await admin.get('/api/voices/tools/mijn-kamer/1')).body as VoiceListOut
    expect(v1.keys).toContain(key)
    expect(v1.keys).toContain('intro.honest')
    const upload = (path: string) =>
      fetch(admin.base + path, {
        method: 'PUT',
        headers: { cookie: admin.cookie, 'content-type': 'audio/ogg' },
        body: Buffer.from(oggOpus(2)),
      })
    expect((await upload(`/api/voices/tools/mijn-kamer/1/ti/${key}`)).status).toBe(201)
    // A key Mijn kamer does not have has no voice.
    expect((await upload('/api/voices/tools/mijn-kamer/1/ti/modules.questions.thuis.nieuw')).status).toBe(404)

    // Version 2 changes another text: the recording comes along; its keys are the namespace's.
    const doc = setEverywhere(await draftOf(admin, 'mijn-kamer'), 'modules.questions.thuis.hoe', 'Hoe is het thuis?')
    expect((await put(admin, 'mijn-kamer', doc)).status).toBe(200)
    expect((await admin.post('/api/tool-versions/mijn-kamer/publish', { note: 'Thuis' })).status).toBe(201)
    const v2 = (await admin.get('/api/voices/tools/mijn-kamer/2')).body as VoiceListOut
    expect(v2.keys).toEqual(v1.keys)
    await expect
      .poll(async () => ((await admin.get('/api/voices/tools/mijn-kamer/2')).body as VoiceListOut).recordings)
      .toContainEqual(expect.objectContaining({ lang: 'ti', key }))
    expect((await upload('/api/voices/tools/mijn-kamer/2/ti/modules.questions.thuis.hoe')).status).toBe(201)
  })
})
