import { Suspense, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { language, LANGUAGES, SOURCE_LANGUAGE, type LangCode } from '../../dialogs/contract/languages'
import { ensureFont } from '../i18n'
import { useWorkspaceT } from './words'

/**
 * The printed leaflet that explains kind-gesprekken to a parent before consent (the method: explaining
 * the purpose is what makes doubting parents agree). Fixed text in the parent's language, nothing of the
 * child: it needs no data and records nothing. The toolbar is for the screen only (workspace.css).
 */
export function Ouderfolder({ childId, go }: { childId: string; go: (path: string) => void }) {
  const { t } = useWorkspaceT()
  const [lng, setLng] = useState<LangCode>(SOURCE_LANGUAGE)
  const pickId = useId()
  return (
    <main className="handout-page">
      <nav className="handout-toolbar ouderfolder-toolbar" data-testid="ouderfolder-toolbar">
        <button type="button" className="btn btn--quiet" onClick={() => go(`/begeleider/kind/${childId}`)}>
          <span className="dir-arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('workspace:ouderfolder.back')}
        </button>
        <div className="ouderfolder-lang">
          <label htmlFor={pickId}>{t('workspace:ouderfolder.language')}</label>
          <select
            id={pickId}
            value={lng}
            onChange={(e) => {
              ensureFont(e.target.value)
              setLng(e.target.value as LangCode)
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => window.print()}>
          {t('workspace:ouderfolder.print')}
        </button>
        <p className="muted ouderfolder-hint">{t('workspace:ouderfolder.hint')}</p>
      </nav>
      <Suspense fallback={<p className="muted">…</p>}>
        <Leaflet key={lng} lng={lng} />
      </Suspense>
    </main>
  )
}

function Leaflet({ lng }: { lng: LangCode }) {
  const { t } = useTranslation('ouderfolder', { lng })
  const dir = language(lng)?.dir ?? 'ltr'
  const block = (id: 'wat' | 'waarom' | 'zorgen') => (
    <section className="handout__block">
      <h2>{t(`ouderfolder:${id}.title`)}</h2>
      <p>{t(`ouderfolder:${id}.text`)}</p>
    </section>
  )
  return (
    <article className="handout ouderfolder" data-testid="ouderfolder" lang={lng} dir={dir}>
      <header className="handout__head">
        <h1>{t('ouderfolder:title')}</h1>
        <p>{t('ouderfolder:intro')}</p>
      </header>
      {block('wat')}
      {block('waarom')}
      <section className="handout__block">
        <h2>{t('ouderfolder:ouder.title')}</h2>
        <p>{t('ouderfolder:ouder.text')}</p>
        <p>{t('ouderfolder:ouder.week')}</p>
      </section>
      {block('zorgen')}
      <section className="handout__block">
        <h2>{t('ouderfolder:toestemming.title')}</h2>
        <p>{t('ouderfolder:toestemming.text')}</p>
        <p>{t('ouderfolder:toestemming.vragen')}</p>
      </section>
      {/* Filled in by hand: the app keeps no begeleider's phone number on a parent's sheet. */}
      <footer className="handout__foot ouderfolder__fill">
        <p>{t('ouderfolder:invullen.begeleider')}: ________________________</p>
        <p>{t('ouderfolder:invullen.telefoon')}: ________________________</p>
      </footer>
    </article>
  )
}
