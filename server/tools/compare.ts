import type { LangCode } from '../../dialogs/contract/languages'
import type { ToolVersionDoc, VersionChanges } from '../../dialogs/contract/tool-version'
import { textDigest } from './texts'

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
