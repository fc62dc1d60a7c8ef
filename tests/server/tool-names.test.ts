import { describe, expect, it } from 'vitest'
import type { DraftOut, GesprekToolOut, ToolsOverviewOut, ToolVersionDoc } from '../../dialogs/contract/tool-version'
import type { VoiceListOut } from '../../dialogs/contract/voices'
import { HttpUser, startGesprek, type DraftRefusal } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded } = useServers()

/** Sets one text in every language the draft has, so the version stays complete. */
function setEverywhere(doc: ToolVersionDoc, key: string, text: string): ToolVersionDoc {
  const texts = Object.fromEntries(Object.entries(doc.texts).map(([lang, map]) => [lang, { ...map, [key]: text }]))
  return { ...doc, texts }
}

describe('tools that name the begeleider are editable, with exactly that one placeholder', () => {
  it('the kennismaking and the afscheid are versions like the others, and keep their begeleider step', async () => {
    const { server, sanne } = await startSeeded()
    const admin = await HttpUser.login(server.url, 'admin-a')
    const overview = await admin.get<ToolsOverviewOut>('/api/tool-versions')
    const ids = overview.body.tools.map((t) => t.toolId)
    expect(ids).toEqual(expect.arrayContaining(['kennismaking', 'afscheid', 'drie-huizen', 'stoplicht']))
    // The jongere's kennismaking also runs in the kamer: texts only (ADR 0140). The observation is the begeleider's.
    expect(ids).toContain('kennismaking-jongere')
    expect(overview.body.tools.find((t) => t.toolId === 'kennismaking-jongere')!.textsOnly).toBe(true)
    expect(overview.body.tools.find((t) => t.toolId === 'kennismaking')!.textsOnly).toBe(false)
    expect(ids).not.toContain('observatie')

    const doc = (await admin.get<DraftOut>('/api/tool-versions/kennismaking/draft')).body.doc
    expect(doc.texts.nl?.['begeleider.prompt']).toContain('{{name}}')
    expect(doc.steps.find((s) => s.id === 'begeleider')).toMatchObject({ type: 'info', showsBegeleider: true })
    expect(doc.steps.find((s) => s.id === 'intro')?.picture).toBe('happy')
    expect(doc.steps.find((s) => s.id === 'huisdier')?.task).toBe('huisdier-opvang')
    // Every editable tool's built-in version keeps the rules as it is, so its draft publishes unchanged.
    for (const toolId of ids) {
      const draft = await admin.get<DraftOut>(`/api/tool-versions/${toolId}/draft`)
      expect([toolId, draft.status, draft.body.problems]).toEqual([toolId, 200, []])
    }

    const put = <T = DraftOut>(d: ToolVersionDoc) =>
      admin.request<T>('PUT', '/api/tool-versions/kennismaking/draft', { doc: d })
    // Any other placeholder, a formatted or unescaped one, nesting, or the name where no screen fills it.
    for (const [key, text] of [
      ['veilig.zeg-het', 'Zeg het tegen {{naam}} of een andere begeleider.'],
      ['veilig.zeg-het', 'Zeg het tegen {{name, uppercase}} of een andere begeleider.'],
      ['veilig.zeg-het', 'Zeg het tegen {{- name}} of een andere begeleider.'],
      ['veilig.zeg-het', 'Zeg het tegen $t(common:kind.noBegeleiderName).'],
      ['veilig.zeg-het', 'Zeg het tegen <b>{{name}}</b>.'],
      ['slapen.prompt', 'Hoe slaap je hier, vraagt {{name}}?'],
      ['steps.veilig', '{{name}}'],
      ['title', 'Kennismaken met {{name}}'],
    ] as const) {
      const r = await put<DraftRefusal>(setEverywhere(doc, key, text))
      expect([key, text, r.status, r.body.error]).toEqual([key, text, 422, 'tool_text_unsafe'])
      expect(r.body.problems).toContainEqual(expect.objectContaining({ rule: 'text_markup', key }))
    }
    expect((await server.deps.db.selectFrom('tool_drafts').select('tool_id').execute()).length).toBe(0)

    // The name, exactly, in an info step's texts: saved and published.
    const edited = setEverywhere(
      doc,
      'veilig.zeg-het',
      'Niet veilig? Zeg het meteen tegen {{name}}. {{name}} luistert.',
    )
    const saved = await put(edited)
    expect(saved.status).toBe(200)
    expect(saved.body.problems).toEqual([])
    expect((await admin.post('/api/tool-versions/kennismaking/publish', { note: 'Eigen woorden' })).status).toBe(201)

    const g = await startGesprek(server.url, sanne, { toolId: 'kennismaking', ageBand: '8-12' })
    const tool = (await new HttpUser(server.url, g.token).get<GesprekToolOut>('/api/kind/tool')).body
    expect(tool).toMatchObject({ toolId: 'kennismaking', version: 2, builtin: false })
    expect(tool.doc!.texts.nl!['veilig.zeg-het']).toBe('Niet veilig? Zeg het meteen tegen {{name}}. {{name}} luistert.')
    expect(tool.doc!.steps.find((s) => s.id === 'begeleider')!.showsBegeleider).toBe(true)

    // A text that says a name gets no recording (one begeleider's name would be in it).
    const voices = await admin.get<VoiceListOut>('/api/voices/tools/kennismaking/2')
    expect(voices.status).toBe(200)
    expect(voices.body.keys).not.toContain('veilig.zeg-het')
    expect(voices.body.keys).not.toContain('begeleider.prompt')
    expect(voices.body.keys).toContain('veilig.title')
  })
})
