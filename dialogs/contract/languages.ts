// No zod here: the child's first screen reads this table before the contract loads (ADR 0008).

/**
 * The one table of languages: the client (picker, lang/dir, fonts, read-aloud), the server (the join
 * link's language, each answer's language) and the tests all read it. Dutch is the source language.
 * `font` names the bundled family a language needs beyond the default; `speech` is the BCP 47 tag
 * asked of the device's speech synthesis; `sample` is the picture in the picker: two letters of the
 * script, drawn in a speech bubble. Never flags: a flag is a country, not a language, and can hurt a
 * child who fled it.
 */
export const LANGUAGES = [
  { code: 'nl', sample: 'Aa', name: 'Nederlands', dir: 'ltr', font: 'default', speech: 'nl-NL', workspace: true },
  { code: 'en', sample: 'Aa', name: 'English', dir: 'ltr', font: 'default', speech: 'en-GB', workspace: true },
  { code: 'ar', sample: 'ع', name: 'العربية', dir: 'rtl', font: 'arabic', speech: 'ar', workspace: false },
  { code: 'tr', sample: 'Çç', name: 'Türkçe', dir: 'ltr', font: 'default', speech: 'tr-TR', workspace: false },
  { code: 'pl', sample: 'Łł', name: 'Polski', dir: 'ltr', font: 'default', speech: 'pl-PL', workspace: false },
  { code: 'uk', sample: 'Бб', name: 'Українська', dir: 'ltr', font: 'default', speech: 'uk-UA', workspace: false },
  { code: 'ti', sample: 'ሰላ', name: 'ትግርኛ', dir: 'ltr', font: 'ethiopic', speech: 'ti-ER', workspace: false },
  { code: 'fa', sample: 'پ', name: 'فارسی', dir: 'rtl', font: 'arabic', speech: 'fa-IR', workspace: false },
] as const

export type Language = (typeof LANGUAGES)[number]
export type LangCode = Language['code']
export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as [LangCode, ...LangCode[]]
export const SOURCE_LANGUAGE: LangCode = 'nl'

/** The begeleider's workspace is written in these; a begeleider who picks another gets Dutch. */
export const WORKSPACE_LANGUAGES = LANGUAGES.filter((l) => l.workspace).map((l) => l.code)

/** Namespaces only the begeleider reads: written in the workspace languages only. */
export const WORKSPACE_NAMESPACES = ['workspace', 'tool-observatie'] as const

export function language(code: string | null | undefined): Language | undefined {
  return LANGUAGES.find((l) => l.code === code)
}
export function isLang(code: string | null | undefined): code is LangCode {
  return language(code) !== undefined
}
