import i18next from 'i18next'
import resourcesToBackend from 'i18next-resources-to-backend'
import { initReactI18next } from 'react-i18next'
import {
  isLang,
  language,
  LANGUAGE_CODES,
  SOURCE_LANGUAGE,
  WORKSPACE_LANGUAGES,
  WORKSPACE_NAMESPACES,
  type LangCode,
} from '../dialogs/contract/languages'

// One chunk per language and namespace: a child's device loads only what its screen needs.
const files = import.meta.glob('../locales/*/*.json')
export const SUPPORTED = LANGUAGE_CODES

function initialLanguage(): LangCode {
  const asked = new URLSearchParams(location.search).get('lang')
  // Dutch unless asked otherwise: the begeleider picks the language with the child, not the device.
  if (!isLang(asked)) return SOURCE_LANGUAGE
  // The workspace is written in its own few languages; the child's language never changes it.
  if (location.pathname.startsWith('/begeleider') && !(WORKSPACE_LANGUAGES as readonly string[]).includes(asked))
    return SOURCE_LANGUAGE
  return asked
}

// Fonts beyond the default load only for the languages that need them: a Dutch first load stays light.
const FONTS: Record<string, () => Promise<unknown>> = {
  arabic: () =>
    Promise.all([
      import('@fontsource/noto-sans-arabic/arabic-400.css'),
      import('@fontsource/noto-sans-arabic/arabic-700.css'),
    ]),
  ethiopic: () =>
    Promise.all([
      import('@fontsource/noto-sans-ethiopic/ethiopic-400.css'),
      import('@fontsource/noto-sans-ethiopic/ethiopic-700.css'),
    ]),
}
const loadedFonts = new Set<string>()
/** Loads the font a language's script needs (also for a child's answer shown in the workspace). */
export function ensureFont(code: string | undefined): void {
  const font = language(code)?.font
  if (!font || font === 'default' || loadedFonts.has(font)) return
  loadedFonts.add(font)
  void FONTS[font]?.()
}

/** `lang` and `dir` on the document, the font, and ?lang= in the address so a reload keeps the language. */
function applyToDocument(code: string): void {
  const lang = language(code) ?? language(SOURCE_LANGUAGE)!
  const root = document.documentElement
  root.lang = lang.code
  root.dir = lang.dir
  root.dataset.font = lang.font
  ensureFont(lang.code)
  const url = new URL(location.href)
  if (url.searchParams.get('lang') !== lang.code && (lang.code !== SOURCE_LANGUAGE || url.searchParams.has('lang'))) {
    url.searchParams.set('lang', lang.code)
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
  }
}

export async function switchLanguage(code: LangCode): Promise<void> {
  await i18next.changeLanguage(code)
}

i18next.on('languageChanged', applyToDocument)

/**
 * The namespaces a route's first screen reads beyond common and errors, loaded with them before it
 * renders (client/main.tsx); the route's HTML names their Dutch files (server/http/static.ts). The
 * kamer's PIN screen reads kamer, and screens for a wrong PIN's line.
 */
const FIRST_SCREEN_NAMESPACES: Record<string, readonly string[]> = { '/kamer': ['kamer', 'screens'] }

/** Resolves once the first screen's words are in memory (also when a file failed: they fall back to Dutch). */
export const i18nReady = i18next
  .use(
    resourcesToBackend((lng: string, ns: string) => {
      // An organisation's tool version (`tool-<id>~v<N>`) is registered from the server, never a file:
      // a language it is not offered in has none, and falls back to Dutch.
      if (ns.includes('~')) return Promise.resolve({})
      const load = files[`../locales/${lng}/${ns}.json`]
      // The begeleider's own namespaces exist in the workspace languages only: others fall back to Dutch.
      if (!load && (WORKSPACE_NAMESPACES as readonly string[]).includes(ns)) return Promise.resolve({})
      return load ? load() : Promise.reject(new Error('missing locale file'))
    }),
  )
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    supportedLngs: [...SUPPORTED],
    fallbackLng: SOURCE_LANGUAGE,
    load: 'languageOnly',
    ns: ['common', 'errors', ...(FIRST_SCREEN_NAMESPACES[location.pathname] ?? [])],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    react: { useSuspense: true },
  })
applyToDocument(i18next.language ?? initialLanguage())
