import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { toolInfo } from '../../dialogs/catalog'

/**
 * Which texts of a tool version can have a voice. For the built-in tools (version 1) these are the
 * keys of the tool's namespace in the source language's locale, the framework's own source (ADR 0080);
 * an organisation's own version names its keys itself, so it plugs in here by its version number.
 * Texts that carry a name or a number (`{{…}}`) are left out: a recording cannot say the child's word.
 */
export const BUILT_IN_VERSION = 1

const LOCALES = fileURLToPath(new URL('../../locales/', import.meta.url))
const cache = new Map<string, string[]>()

type VersionKeys = (toolId: string, version: number) => string[] | null
let ownVersionKeys: VersionKeys = () => null

/**
 * Where an organisation's own tool versions (issue 15, the tool editor, ADR 0075) tell which keys they
 * have; wired when that room lands.
 * @public
 */
export function setOwnVersionKeys(source: VersionKeys): void {
  ownVersionKeys = source
}

export function textKeys(toolId: string, version: number): string[] | null {
  if (version !== BUILT_IN_VERSION) return ownVersionKeys(toolId, version)
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
