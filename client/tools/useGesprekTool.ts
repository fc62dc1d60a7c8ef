import { useEffect, useState } from 'react'
import { toolInfo } from '../../dialogs/catalog'
import type { LangCode } from '../../dialogs/contract/languages'
import { LANGUAGE_CODES } from '../../dialogs/contract/languages'
import type { ToolInfo } from '../../dialogs/framework/tool'
import { loadApiClient } from '../net/api'
import { registerVersion } from './version-texts'

export type GesprekTool = { tool: ToolInfo; languages: readonly LangCode[] }

/**
 * The tool a gesprek runs on. The view says which: `'org-<N>'` is an organisation's version, fetched
 * once and registered; anything else is the built-in, with no request at all. Undefined until known,
 * so a screen never shows one version's steps with another's words.
 */
export function useGesprekTool(
  toolId: string | undefined,
  viewVersion: string | undefined,
  from: { token: string } | { gesprekId: string },
): GesprekTool | undefined {
  const org = viewVersion?.startsWith('org-') ?? false
  const [loaded, setLoaded] = useState<{ key: string; value: GesprekTool } | null>(null)
  const token = 'token' in from ? from.token : undefined
  const gesprekId = 'token' in from ? undefined : from.gesprekId
  const key = `${toolId}:${viewVersion}`

  useEffect(() => {
    if (!org || !toolId) return
    let cancelled = false
    let wait = 1000
    const load = () => {
      loadApiClient()
        .then((c) => (token ? c.kind.tool(token) : c.gesprekken.tool(gesprekId ?? '')))
        .then((out) => {
          const tool = out.doc && registerVersion(out.doc, out.version, out.languages)
          if (!cancelled && tool) setLoaded({ key, value: { tool, languages: out.languages } })
        })
        .catch(() => {
          // Offline or busy: try again calmly; the screen keeps saying "loading".
          if (!cancelled) setTimeout(load, (wait = Math.min(wait * 2, 15000)))
        })
    }
    load()
    return () => {
      cancelled = true
    }
  }, [org, toolId, gesprekId, token, key])

  if (!toolId || !viewVersion) return undefined
  if (!org) {
    const tool = toolInfo(toolId)
    return tool ? { tool, languages: LANGUAGE_CODES } : undefined
  }
  return loaded?.key === key ? loaded.value : undefined
}
