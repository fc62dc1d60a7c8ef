import i18next from 'i18next'
import { toolInfo } from '../../dialogs/catalog'
import type { LangCode } from '../../dialogs/contract/languages'
import type { ToolVersionDoc } from '../../dialogs/contract/tool-version'
import { nestTexts, toolFromDoc, versionNamespace } from '../../dialogs/framework/texts'
import type { ToolInfo } from '../../dialogs/framework/tool'

/**
 * An organisation's version of a tool on the client (ADR 0075): its texts go into their own i18next
 * namespace, `tool-<id>~v<N>`, one bundle per language it is complete in, and the ToolInfo names that
 * namespace, so the same StepHost and step screens render them. A language the version is not offered
 * in has no bundle: its texts fall back to Dutch, never half and half.
 */
export function registerVersion(
  doc: ToolVersionDoc,
  version: number | 'preview',
  languages: readonly LangCode[],
  i18n = i18next,
): ToolInfo | undefined {
  const builtin = toolInfo(doc.toolId)
  if (!builtin) return undefined
  const info = toolFromDoc(builtin, doc, version === 'preview' ? 0 : version)
  const ns = version === 'preview' ? (`tool-${doc.toolId}~preview` as const) : versionNamespace(doc.toolId, version)
  for (const lang of languages) {
    const texts = doc.texts[lang]
    if (!texts) continue
    // A preview is replaced whole at every edit: a text the trainer removed must not linger.
    if (version === 'preview') i18n.removeResourceBundle(lang, ns)
    i18n.addResourceBundle(lang, ns, nestTexts(texts), true, true)
  }
  return { ...info, namespace: ns }
}
