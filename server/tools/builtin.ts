import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { CATALOG, toolInfo } from '../../dialogs/catalog'
import { LANGUAGE_CODES } from '../../dialogs/contract/languages'
import type { StepDoc, ToolVersionDoc } from '../../dialogs/contract/tool-version'
import type { StepSpec } from '../../dialogs/framework/build'
import type { TextsOnly } from '../../dialogs/framework/tool-rules'
import { flattenTexts, isTextsOnly, slotOfKey, textKeys, type VersionKeys } from '../../dialogs/framework/texts'
import type { ToolInfo } from '../../dialogs/framework/tool'
import { LOCALES_DIR } from '../paths'

const LOCALES = pathToFileURL(`${LOCALES_DIR}/`)

/**
 * The tools an organisation may edit: every tool the child or jongere operates (ADR 0075). Those that
 * name the begeleider (`{{name}}`: the kennismaking, the afscheid) are among them: that one placeholder
 * is allowed where the screen fills it (ADR 0096). The tools that run in the kamer are texts-only: their
 * steps stay the built-in's, every text is editable (ADR 0140). The 0-4 observation stays built-in.
 */
const editable = new Set(CATALOG.filter((tool) => tool.operator === 'kind').map((t) => t.id))
export const isEditable = (tool: ToolInfo): boolean => editable.has(tool.id)
export const EDITABLE_TOOLS = [...editable]
const cache = new Map<string, ToolVersionDoc>()
const keyCache = new Map<string, VersionKeys>()

const localeTexts = (lang: string, info: ToolInfo): Record<string, string> =>
  flattenTexts(JSON.parse(readFileSync(new URL(`${lang}/${info.namespace}.json`, LOCALES), 'utf8')))

/**
 * A texts-only tool's keys: every text of its built-in namespace in the source language, in the
 * locale's order, with where each is shown (ADR 0140). Undefined for a tool whose keys follow its steps.
 */
export function textsOnlyKeys(toolId: string): VersionKeys | undefined {
  const info = toolInfo(toolId)
  if (!info || !isEditable(info) || !isTextsOnly(info)) return undefined
  const hit = keyCache.get(toolId)
  if (hit) return hit
  const keys = Object.keys(localeTexts('nl', info)).map((k) => [k, slotOfKey(k)] as const)
  keyCache.set(toolId, keys)
  return keys
}

/** What the rules need to know of a texts-only tool: its fixed steps and keys; undefined for the others. */
export function textsOnly(toolId: string): TextsOnly | undefined {
  const keys = textsOnlyKeys(toolId)
  return keys && { steps: builtinDoc(toolId)!.steps, keys }
}

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
    ...(step.questions
      ? {
          questions: Object.fromEntries(
            Object.entries(step.questions).map(([m, qs]) => [
              m,
              qs.map((q) => ({ id: q.id, answer: q.answer, ...(q.pictures ? { pictures: [...q.pictures] } : {}) })),
            ]),
          ),
        }
      : {}),
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
  // A texts-only tool has every text of its namespace; another tool the texts its steps name.
  const keys = new Set((isTextsOnly(info) ? textsOnlyKeys(toolId)! : textKeys(steps)).map(([k]) => k))
  const texts: ToolVersionDoc['texts'] = {}
  for (const lang of LANGUAGE_CODES) {
    const all = localeTexts(lang, info)
    texts[lang] = Object.fromEntries(Object.entries(all).filter(([k]) => keys.has(k)))
  }
  const doc: ToolVersionDoc = { toolId, steps, texts }
  cache.set(toolId, doc)
  return doc
}
