import type { LangCode } from '../../dialogs/contract/languages'
import type { ToolVersionDoc } from '../../dialogs/contract/tool-version'
import { textDigest } from './texts'

export type VersionChanges = {
  /** Step ids in the order of each version: added, removed and moved steps show in these. */
  steps: { from: string[]; to: string[] }
  /** Per language, which text keys were added, removed or changed (keys only: the texts are in each version). */
  texts: { lang: LangCode; added: string[]; removed: string[]; changed: string[] }[]
}

/** What differs between two versions of a tool, for the begeleider who wants to know what changed. */
export function compareVersions(from: ToolVersionDoc, to: ToolVersionDoc): VersionChanges {
  const langs = [...new Set([...Object.keys(from.texts), ...Object.keys(to.texts)])] as LangCode[]
  return {
    steps: { from: from.steps.map((s) => s.id), to: to.steps.map((s) => s.id) },
    texts: langs.map((lang) => {
      const a = from.texts[lang] ?? {}
      const b = to.texts[lang] ?? {}
      return {
        lang,
        added: Object.keys(b).filter((k) => !(k in a)),
        removed: Object.keys(a).filter((k) => !(k in b)),
        changed: Object.keys(b).filter((k) => k in a && textDigest(a[k]!) !== textDigest(b[k]!)),
      }
    }),
  }
}
