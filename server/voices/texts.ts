import { readFileSync } from 'node:fs'
import { toolInfo } from '../../dialogs/catalog'
import { docKeys } from '../../dialogs/framework/texts'
import type { Deps } from '../deps'
import { LOCALES_DIR } from '../paths'
import { textsOnlyKeys } from '../tools/builtin'
import { versionDoc } from '../tools/versions'

/**
 * Which texts of a tool version can have a voice. For the built-in tools (version 1) these are the
 * keys of the tool's namespace in the source language's locale, the framework's own source (ADR 0080);
 * an organisation's own version names its keys itself, so it plugs in here by its version number.
 * Texts that carry a name or a number (`{{…}}`) are left out: a recording cannot say the child's word.
 */
export const BUILT_IN_VERSION = 1

const LOCALES = `${LOCALES_DIR}/`
const cache = new Map<string, string[]>()

/**
 * The keys of one organisation's own version (ADR 0075): derived from its steps, like the built-in's, so
 * a slot keeps its key across versions; a texts-only tool's are its built-in namespace's (ADR 0140). A text that carries a placeholder in the source language is left
 * out for the same reason as above, in whichever language it carries one. An unknown version is null (answered as not found).
 */
async function ownVersionKeys(deps: Deps, organisationId: string, toolId: string, version: number) {
  const doc = await versionDoc(deps, organisationId, toolId, version).catch(() => null)
  if (!doc) return null
  // In any language: a recording of "{{name}}" would have to say one begeleider's name (ADR 0096).
  const named = (k: string) => Object.values(doc.texts).some((map) => (map[k] ?? '').includes('{{'))
  return docKeys(doc, textsOnlyKeys(toolId))
    .map(([k]) => k)
    .filter((k) => !named(k))
}

export async function textKeys(
  deps: Deps,
  organisationId: string,
  toolId: string,
  version: number,
): Promise<string[] | null> {
  if (version !== BUILT_IN_VERSION) return ownVersionKeys(deps, organisationId, toolId, version)
  const tool = toolInfo(toolId)
  if (!tool) return null
  const hit = cache.get(toolId)
  if (hit) return hit
  const json = JSON.parse(readFileSync(`${LOCALES}nl/${tool.namespace}.json`, 'utf8')) as unknown
  const keys: string[] = []
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') {
      if (!node.includes('{{')) keys.push(path)
    } else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k)
  }
  walk(json, '')
  cache.set(toolId, keys)
  return keys
}

/**
 * The voice version a gesprek plays: the organisation's version it started with (`tool_version`
 * `org-<N>`, docs/decisions/0075-tool-versions-per-organisation.md), else the built-in version 1. The
 * built-in's own code version ('1', '2', … of ADR 0004) is a machine version, not a voice version.
 */
export function voiceVersionOf(gesprek: { tool_version: string }): number {
  const own = /^org-(\d{1,6})$/.exec(gesprek.tool_version)
  return own ? Number(own[1]) : BUILT_IN_VERSION
}
