import i18next from 'i18next'
import resourcesToBackend from 'i18next-resources-to-backend'
import { initReactI18next } from 'react-i18next'
import { LANGUAGES } from '../dialogs/contract/languages'

// One chunk per language and namespace: a child's device loads only what its screen needs.
const files = import.meta.glob('../locales/*/*.json')
const SUPPORTED: readonly string[] = LANGUAGES

function initialLanguage(): string {
  const asked = new URLSearchParams(location.search).get('lang')
  // Dutch unless asked otherwise: the begeleider picks the language with the child, not the device.
  return asked && SUPPORTED.includes(asked) ? asked : 'nl'
}

void i18next
  .use(
    resourcesToBackend((lng: string, ns: string) => {
      const load = files[`../locales/${lng}/${ns}.json`]
      return load ? load() : Promise.reject(new Error('missing locale file'))
    }),
  )
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    supportedLngs: [...SUPPORTED],
    fallbackLng: 'nl',
    load: 'languageOnly',
    ns: ['common', 'errors'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    react: { useSuspense: true },
  })
