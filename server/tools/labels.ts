import { WORKSPACE_LANGUAGES, type LangCode } from '../../dialogs/contract/languages'
import type { ToolLabels, ToolVersionDoc } from '../../dialogs/contract/tool-version'
import type { Deps } from '../deps'

/**
 * The words the begeleider's screens label answers with, for gesprekken that ran on an organisation's
 * own version of a tool (ADR 0095). A prompt the trainer added has a key no locale knows
 * (`plekken.prompts.plek-k3x9qa`), and a built-in prompt she reworded has other words in her version:
 * the screens label an answer with the words of the version the child answered, in the workspace's
 * languages (the begeleider's screens are Dutch or English). Sent with the page's data, so a print
 * never shows a key while the words are on their way. Prompt texts are the organisation's content,
 * not answers: they may travel to every begeleider of the organisation.
 * Undefined when every gesprek ran on a built-in version (the screens use the locales).
 */
export async function toolLabels(deps: Deps, gesprekIds: readonly string[]): Promise<ToolLabels | undefined> {
  if (gesprekIds.length === 0) return undefined
  const gesprekken: ToolLabels['gesprekken'] = {}
  const versionIds = new Set<string>()
  // In chunks: a long history must not make one query with thousands of parameters.
  for (let i = 0; i < gesprekIds.length; i += 500) {
    const rows = await deps.db
      .selectFrom('gesprekken')
      .select(['id', 'tool_version_id'])
      .where('id', 'in', gesprekIds.slice(i, i + 500))
      .where('tool_version_id', 'is not', null)
      .execute()
    for (const r of rows) {
      gesprekken[r.id] = r.tool_version_id!
      versionIds.add(r.tool_version_id!)
    }
  }
  if (versionIds.size === 0) return undefined
  const rows = await deps.db
    .selectFrom('tool_versions')
    .select(['id', 'tool_id', 'version', 'doc'])
    .where('id', 'in', [...versionIds])
    .execute()
  const versions: ToolLabels['versions'] = {}
  for (const r of rows) {
    const doc = JSON.parse(r.doc) as ToolVersionDoc
    const texts: ToolVersionDoc['texts'] = {}
    for (const lang of WORKSPACE_LANGUAGES as LangCode[]) if (doc.texts[lang]) texts[lang] = doc.texts[lang]
    versions[r.id] = { toolId: r.tool_id, version: r.version, steps: doc.steps, texts }
  }
  return { gesprekken, versions }
}
