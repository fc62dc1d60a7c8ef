import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_CODES, LANGUAGES, type LangCode } from '../../dialogs/contract/languages'
import type { ToolsOverviewOut } from '../../dialogs/contract/tool-version'
import { ensureFont } from '../i18n'
import { api } from '../net/api'

/**
 * The begeleider picks the gesprek's language with the child; the join link and the QR code carry it.
 * `offered`: the languages the gesprek's tool version is complete in (ADR 0075); only those are shown,
 * and the server refuses any other (`language_not_offered`).
 */
export function GesprekLanguageSelect({
  value,
  onChange,
  offered = LANGUAGE_CODES,
}: {
  value: LangCode
  onChange: (lang: LangCode) => void
  offered?: readonly LangCode[]
}) {
  const { t } = useTranslation()
  const id = useId()
  const options = LANGUAGES.filter((l) => offered.includes(l.code))
  // Each language's name is written in its own script: the chosen one's font loads.
  ensureFont(value)
  return (
    <div className="field gesprek-lang">
      <label htmlFor={id}>{t('common:begeleider.gesprekLanguage')}</label>
      <select
        id={id}
        value={offered.includes(value) ? value : ''}
        onChange={(e) => onChange(e.target.value as LangCode)}
      >
        {!offered.includes(value) && <option value="" disabled />}
        {options.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
      <p className="muted">{t('common:begeleider.gesprekLanguageHint')}</p>
    </div>
  )
}

/**
 * The languages a new gesprek of each tool can have: those of the organisation's current version of
 * an editable tool (from the versions overview), every language for the others. Until the overview is
 * in, every language (the server still refuses one the version lacks).
 */
export function useToolLanguages(): (toolId: string) => readonly LangCode[] {
  const [overview, setOverview] = useState<ToolsOverviewOut | null>(null)
  useEffect(() => {
    api<ToolsOverviewOut>('/api/tool-versions').then(setOverview, () => setOverview(null))
  }, [])
  return (toolId) => {
    const tool = overview?.tools.find((x) => x.toolId === toolId)
    if (!tool) return LANGUAGE_CODES
    return tool.versions.find((v) => v.current)?.languages ?? []
  }
}

/** The languages of a list of language codes, by their own names, for a hint. */
export const languageNames = (codes: readonly LangCode[]) =>
  LANGUAGES.filter((l) => codes.includes(l.code))
    .map((l) => l.name)
    .join(', ')
