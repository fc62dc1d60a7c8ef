import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { toolInfo } from '../../dialogs/catalog'
import { CodedError } from '../../dialogs/contract/errors'
import type { KamerToolOut } from '../../dialogs/contract/kamer'
import { SOURCE_LANGUAGE, type LangCode } from '../../dialogs/contract/languages'
import { flattenTexts } from '../../dialogs/framework/texts'
import type { Deps } from '../deps'
import { LOCALES_DIR } from '../paths'
import { gesprekToolOut } from '../tools/gesprek-tool'

/**
 * The words a kamer gesprek's screens show (ADR 0145): the texts of the tool version the gesprek runs
 * on, in one language. The built-in version's texts are the locales, read from the same files the
 * client bundles; an organisation's own (texts-only) version lays its texts over them, so a slot the
 * version does not hold still shows the built-in's words in the same language, never a bare key.
 * A language the version is not complete in gets the version's Dutch, as on the child's screen (ADR 0075).
 */
const builtin = new Map<string, Record<string, string>>()

function localeTexts(namespace: string, lang: LangCode): Record<string, string> {
  const at = `${lang}/${namespace}`
  let hit = builtin.get(at)
  if (!hit) {
    hit = flattenTexts(JSON.parse(readFileSync(join(LOCALES_DIR, lang, `${namespace}.json`), 'utf8')))
    builtin.set(at, hit)
  }
  return hit
}

/** The caller has already been checked to reach this gesprek (gesprekFor with the kamer's principal). */
export async function kamerToolTexts(deps: Deps, gesprekId: string, asked: LangCode): Promise<KamerToolOut> {
  const out = await gesprekToolOut(deps, gesprekId)
  const tool = toolInfo(out.toolId)
  if (!tool) throw new CodedError('not_found', 404)
  const lang = out.languages.includes(asked) ? asked : SOURCE_LANGUAGE
  const own = out.doc?.texts[lang] ?? {}
  return {
    gesprekId,
    toolId: out.toolId,
    version: out.version,
    languages: out.languages,
    lang,
    texts: { ...localeTexts(tool.namespace, SOURCE_LANGUAGE), ...localeTexts(tool.namespace, lang), ...own },
  }
}
