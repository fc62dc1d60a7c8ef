import i18next from 'i18next'
import { createContext, useContext, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toolInfo } from '../../dialogs/catalog'
import { nestTexts } from '../../dialogs/framework/texts'
import type { ToolInfo } from '../../dialogs/framework/tool'
import { loadApiClient } from '../net/api'

/**
 * The words of the kamer's tools (ADR 0145): each kamer gesprek's screens read the texts of the tool
 * version the gesprek runs on, asked from the server with the kamer's own token, per language, and held
 * in i18next's memory only (the answer is `no-store`). Each gesprek has a namespace of its own, so two
 * kamers, or two organisations' versions, on one phone never lend each other a word. The steps stay the
 * built-in's: a kamer tool's version changes its texts, never its steps (ADR 0097).
 */
/** `version` 0: the editor's draft, in its preview. */
export type KamerTool = { tool: ToolInfo; version: number }

export const kamerNamespace = (toolId: string, gesprekId: string) => `tool-${toolId}~kamer-${gesprekId}` as const

/**
 * Where the kamer's tool screens take their words from: the one seam between the kamer and the editor's
 * preview. The kamer fills it from its route, with the kamer token of this visit (its voices come by that
 * token too); the preview fills it with the draft's tool, its texts already in i18next's memory, so the
 * same ToolScreen and ShareScreen show a draft without asking a server for anything (ADR 0146).
 */
export type KamerTextsSource = { from: 'route'; token: string } | { from: 'draft'; tool: ToolInfo }
export const KamerTexts = createContext<KamerTextsSource | null>(null)

/** The kamer token of this visit, when the words come from the kamer's route (not in the preview). */
export const useKamerToken = (): string | undefined => {
  const source = useContext(KamerTexts)
  return source?.from === 'route' ? source.token : undefined
}

/** One request per visit, gesprek and language: the tool screen and "Klaar voor mijn afspraak" share it. */
const asked = new Map<string, Promise<KamerTool>>()

function textsOf(token: string, gesprekId: string, toolId: string, lang: string): Promise<KamerTool> {
  const at = `${token}|${gesprekId}|${lang}`
  let hit = asked.get(at)
  if (!hit) {
    hit = loadApiClient()
      .then((c) => c.kamer.tool(token, gesprekId, lang))
      .then((out) => {
        const builtin = toolInfo(toolId)
        if (!builtin || out.toolId !== toolId) throw new Error('another tool')
        const namespace = kamerNamespace(toolId, gesprekId)
        // Replaced whole: the words are exactly the version's, nothing of an earlier answer lingers.
        i18next.removeResourceBundle(lang, namespace)
        i18next.addResourceBundle(lang, namespace, nestTexts(out.texts), true, true)
        return { tool: { ...builtin, namespace }, version: out.version }
      })
    // A failed request is asked again next time, not remembered.
    hit.catch(() => asked.delete(at))
    asked.set(at, hit)
  }
  return hit
}

/** The kamer locks or is left: the next visit asks again (a new token is a new visit). */
export function forgetKamerTexts(): void {
  asked.clear()
}

/**
 * The tool of one kamer gesprek with its version's words in the active language; undefined until they
 * are there, so a screen never shows one language's step with another's words. Offline or busy: asked
 * again calmly, and the screen keeps saying "loading". In the preview: the draft's tool, at once.
 */
export function useKamerTool(gesprekId: string, toolId: string): KamerTool | undefined {
  const source = useContext(KamerTexts)
  const token = source?.from === 'route' ? source.token : undefined
  const lang = useTranslation().i18n.language
  const key = `${token}|${gesprekId}|${toolId}|${lang}`
  const [loaded, setLoaded] = useState<{ key: string; value: KamerTool } | null>(null)
  useEffect(() => {
    if (token === undefined) return
    let cancelled = false
    let wait = 1000
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = () =>
      textsOf(token, gesprekId, toolId, lang).then(
        (value) => {
          if (!cancelled) setLoaded({ key, value })
        },
        () => {
          if (!cancelled) timer = setTimeout(load, (wait = Math.min(wait * 2, 15_000)))
        },
      )
    void load()
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [token, gesprekId, toolId, lang, key])
  if (source?.from === 'draft') return source.tool.id === toolId ? { tool: source.tool, version: 0 } : undefined
  return loaded?.key === key ? loaded.value : undefined
}
