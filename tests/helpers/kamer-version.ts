import { readFileSync } from 'node:fs'
import { toolInfo } from '../../dialogs/catalog'
import type { LangCode } from '../../dialogs/contract/languages'
import type { StepDoc, ToolVersionDoc } from '../../dialogs/contract/tool-version'
import { flattenTexts } from '../../dialogs/framework/texts'
import { newId } from '../../server/ids'
import type { RunningServer } from '../../server/app'

/** The built-in texts of a tool in one language, flat, as the locale file has them. */
export function localeTexts(toolId: string, lang: LangCode): Record<string, string> {
  const ns = toolInfo(toolId)!.namespace
  return flattenTexts(JSON.parse(readFileSync(`locales/${lang}/${ns}.json`, 'utf8')))
}

/**
 * An organisation's texts-only version of a kamer tool, written into the store directly: the steps are
 * the built-in's, the texts the locales' with `changed` laid over them, in the given languages only.
 * Directly, because the publish routes do not take kamer tools in this branch (another branch makes them
 * editable); the document has the shape those versions have (`texts[lang][key]`, ADR 0097).
 */
export async function storeKamerVersion(
  server: RunningServer,
  by: { organisationId: string; begeleiderId: string },
  toolId: string,
  changed: Partial<Record<LangCode, Record<string, string>>>,
  languages: LangCode[] = ['nl', 'en'],
): Promise<{ id: string; version: number }> {
  const tool = toolInfo(toolId)!
  const steps = tool.steps.map((s) => {
    const doc: Record<string, unknown> = { id: s.id, type: s.type }
    for (const k of ['prompts', 'followUps', 'pictures', 'promptPictures', 'picture', 'showsBegeleider', 'task'])
      if ((s as unknown as Record<string, unknown>)[k] !== undefined)
        doc[k] = (s as unknown as Record<string, unknown>)[k]
    return doc as StepDoc
  })
  const texts: ToolVersionDoc['texts'] = {}
  for (const lang of languages) texts[lang] = { ...localeTexts(toolId, lang), ...(changed[lang] ?? {}) }
  const doc: ToolVersionDoc = { toolId, steps, texts }
  const top = await server.deps.db
    .selectFrom('tool_versions')
    .select((e) => e.fn.max('version').as('v'))
    .where('organisation_id', '=', by.organisationId)
    .where('tool_id', '=', toolId)
    .executeTakeFirst()
  const version = Math.max(1, Number(top?.v ?? 1)) + 1
  const id = newId()
  await server.deps.db
    .insertInto('tool_versions')
    .values({
      id,
      organisation_id: by.organisationId,
      tool_id: toolId,
      version,
      based_on: 1,
      doc: JSON.stringify(doc),
      languages: JSON.stringify(languages),
      note: 'test',
      published_by: by.begeleiderId,
      published_at: new Date().toISOString(),
      withdrawn_at: null,
      withdrawn_by: null,
    })
    .execute()
  return { id, version }
}

/** A running kamer gesprek moved onto that version, as a gesprek started on it would be named. */
export async function runOnVersion(server: RunningServer, gesprekId: string, v: { id: string; version: number }) {
  await server.deps.db
    .updateTable('gesprekken')
    .set({ tool_version_id: v.id, tool_version: `org-${v.version}` })
    .where('id', '=', gesprekId)
    .execute()
}
