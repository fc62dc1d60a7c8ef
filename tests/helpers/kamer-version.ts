import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { toolInfo } from '../../dialogs/catalog'
import { LANGUAGES, type LangCode } from '../../dialogs/contract/languages'
import type { DraftOut, ToolVersionDoc } from '../../dialogs/contract/tool-version'
import { flattenTexts } from '../../dialogs/framework/texts'
import type { HttpUser } from './server'

/** The built-in texts of a tool in one language, flat, as the locale file has them. */
export function localeTexts(toolId: string, lang: LangCode): Record<string, string> {
  const ns = toolInfo(toolId)!.namespace
  return flattenTexts(JSON.parse(readFileSync(`locales/${lang}/${ns}.json`, 'utf8')))
}

/**
 * An organisation's texts-only version of a kamer tool, published the way an admin publishes it (the
 * draft routes, then publish; ADR 0140): the draft starts from the newest version, `changed` is laid
 * over its texts, and every language not in `languages` loses one text, so the version is offered in
 * `languages` only. A kamer gesprek made after this runs on it; one made before keeps its own version.
 */
export async function publishKamerVersion(
  admin: HttpUser,
  toolId: string,
  changed: Partial<Record<LangCode, Record<string, string>>>,
  languages: LangCode[] = ['nl', 'en'],
): Promise<{ version: number }> {
  const draft = await admin.get<DraftOut>(`/api/tool-versions/${toolId}/draft`)
  expect(draft.status).toBe(200)
  const doc = draft.body.doc
  const texts: ToolVersionDoc['texts'] = {}
  for (const { code } of LANGUAGES) {
    const own = { ...(doc.texts[code] ?? {}), ...(changed[code] ?? {}) }
    // Incomplete, so not offered: a text that is not the honest line, emptied.
    if (!languages.includes(code)) own[Object.keys(own).find((k) => !k.startsWith('intro.honest'))!] = ''
    texts[code] = own
  }
  const saved = await admin.request<DraftOut>('PUT', `/api/tool-versions/${toolId}/draft`, { doc: { ...doc, texts } })
  expect(saved.status).toBe(200)
  const published = await admin.post<{ version: number; languages: LangCode[] }>(
    `/api/tool-versions/${toolId}/publish`,
    { note: 'test' },
  )
  expect([published.status, published.body.languages]).toEqual([201, languages])
  return { version: published.body.version }
}
