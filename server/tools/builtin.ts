import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { CATALOG, toolInfo } from '../../dialogs/catalog'
import { LANGUAGE_CODES } from '../../dialogs/contract/languages'
import type { StepDoc, ToolVersionDoc } from '../../dialogs/contract/tool-version'
import type { StepSpec } from '../../dialogs/framework/build'
import { flattenTexts, textKeys } from '../../dialogs/framework/texts'
import type { ToolInfo } from '../../dialogs/framework/tool'
import { LOCALES_DIR } from '../paths'

const LOCALES = pathToFileURL(`${LOCALES_DIR}/`)

/**
 * The tools an organisation may edit: the guided ones the child operates beside the begeleider, whose
 * screens read a version (ADR 0075). Those that name the begeleider (`{{name}}`: the kennismaking, the
 * afscheid) are among them: that one placeholder is allowed where the screen fills it (ADR 0096). The
 * kamer tools and the 0-4 observation keep their built-in version (ADR 0097).
 */
const editable = new Set(
  CATALOG.filter(
    (tool) => tool.operator === 'kind' && tool.settings.length === 1 && tool.settings[0] === 'begeleid',
  ).map((t) => t.id),
)
export const isEditable = (tool: ToolInfo): boolean => editable.has(tool.id)
export const EDITABLE_TOOLS = [...editable]
const cache = new Map<string, ToolVersionDoc>()

/** A built-in step as a document step: the same fields, only those the editor knows. */
function stepDoc(step: StepSpec): StepDoc {
  return {
    id: step.id,
    type: step.type as StepDoc['type'],
    ...(step.prompts ? { prompts: [...step.prompts] } : {}),
    ...(step.followUps ? { followUps: [...step.followUps] } : {}),
    ...(step.pictures ? { pictures: [...step.pictures] } : {}),
    ...(step.promptPictures ? { promptPictures: { ...step.promptPictures } } : {}),
    ...(step.picture ? { picture: step.picture } : {}),
    ...(step.showsBegeleider ? { showsBegeleider: true as const } : {}),
    ...(step.showsContacts ? { showsContacts: true as const } : {}),
    ...(step.task ? { task: step.task } : {}),
  }
}

/**
 * Version 1 of an editable tool, as a document: the framework's steps and the locales' texts, read
 * from the same files the client bundles (they stay the source; nothing is copied into the database).
 */
export function builtinDoc(toolId: string): ToolVersionDoc | undefined {
  const hit = cache.get(toolId)
  if (hit) return hit
  const info = toolInfo(toolId)
  if (!info || !isEditable(info)) return undefined
  const steps = info.steps.map(stepDoc)
  const keys = new Set(textKeys(steps).map(([k]) => k))
  const texts: ToolVersionDoc['texts'] = {}
  for (const lang of LANGUAGE_CODES) {
    const all = flattenTexts(JSON.parse(readFileSync(new URL(`${lang}/${info.namespace}.json`, LOCALES), 'utf8')))
    texts[lang] = Object.fromEntries(Object.entries(all).filter(([k]) => keys.has(k)))
  }
  const doc: ToolVersionDoc = { toolId, steps, texts }
  cache.set(toolId, doc)
  return doc
}
