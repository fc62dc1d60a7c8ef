import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { language, LANGUAGES, type LangCode } from '../../dialogs/contract/languages'
import { ensureFont, switchLanguage } from '../i18n'
import { stopSpeaking } from './speech'

/**
 * The language's picture: its own letters in a speech bubble, so a child who cannot read yet still
 * sees "this is how my language looks". Never a flag (a flag is a country, not a language).
 */
export function LanguageBubble({ code }: { code: string }) {
  const lang = language(code)
  if (!lang) return null
  return (
    <span className="lang-bubble" aria-hidden="true" lang={lang.code} dir={lang.dir}>
      <svg viewBox="0 0 40 36" width="40" height="36" className="lang-bubble__shape">
        <path d="M6 2h28a4 4 0 0 1 4 4v18a4 4 0 0 1-4 4H16l-8 6v-6H6a4 4 0 0 1-4-4V6a4 4 0 0 1 4-4z" />
      </svg>
      <span className="lang-bubble__sample">{lang.sample}</span>
    </span>
  )
}

/**
 * The language picker on the first screens (join, kamer entry) and in every top bar: each language in its
 * own script, with its picture. Switching never loses an answer: only the words change.
 */
export function LanguagePicker({ only }: { only?: readonly LangCode[] }) {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState(false)
  const listId = useId()
  const toggle = useRef<HTMLButtonElement>(null)
  const current = language(i18n.language) ?? LANGUAGES[0]
  const choices = LANGUAGES.filter((l) => !only || only.includes(l.code))

  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false)
        toggle.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])

  return (
    <div className="lang-picker">
      <button
        ref={toggle}
        type="button"
        className="lang-picker__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => {
          // Every name shows in its own script: the scripts' fonts load when the list opens, not before.
          if (!open) for (const l of choices) ensureFont(l.code)
          setOpen(!open)
        }}
      >
        <LanguageBubble code={current.code} />
        <span className="visually-hidden">{t('language.choose')}: </span>
        <span lang={current.code}>{current.name}</span>
      </button>
      {open && (
        <ul id={listId} className="lang-picker__list" aria-label={t('language.choose')}>
          {choices.map((l) => (
            <li key={l.code}>
              <button
                type="button"
                className="lang-picker__choice"
                aria-pressed={l.code === current.code}
                lang={l.code}
                dir={l.dir}
                onClick={() => {
                  stopSpeaking()
                  setOpen(false)
                  void switchLanguage(l.code).then(() => toggle.current?.focus())
                }}
              >
                <LanguageBubble code={l.code} />
                <span>{l.name}</span>
                {l.code === current.code && (
                  <span className="lang-picker__check" aria-hidden="true">
                    ✓
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
