import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, type LangCode } from '../../dialogs/contract/languages'

/** The begeleider picks the gesprek's language with the child; the join link and the QR code carry it. */
export function GesprekLanguageSelect({ value, onChange }: { value: LangCode; onChange: (lang: LangCode) => void }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="field gesprek-lang">
      <label htmlFor={id}>{t('common:begeleider.gesprekLanguage')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as LangCode)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
      <p className="muted">{t('common:begeleider.gesprekLanguageHint')}</p>
    </div>
  )
}
