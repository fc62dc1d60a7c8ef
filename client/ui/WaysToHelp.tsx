import { useTranslation } from 'react-i18next'
import { telHref } from '../../dialogs/contract/help-lines'
import { useHelpLines } from './help-lines'
import './help.css'

/**
 * What to do now, on every screen a child or jongere sees alone (the kamer): the begeleider does not
 * read this at once, 112 in danger, De Kindertelefoon to talk, 113 for suicidal thoughts. Calm, no
 * alarm colours; the quick exit stays above it in the top bar.
 */
export function WaysToHelp({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation('common')
  const lines = useHelpLines()
  return (
    <aside className={compact ? 'ways-to-help ways-to-help--compact' : 'ways-to-help'} aria-label={t('help.title')}>
      <h2 className="ways-to-help__title">{t('help.title')}</h2>
      <p>{t('help.notNow')}</p>
      <ul>
        <li>
          <span>{t('help.danger')}</span>{' '}
          <a className="ways-to-help__call" href={telHref(lines.danger)}>
            {t('help.call', { number: lines.danger })}
          </a>
        </li>
        <li>
          <span>{t('help.talk')}</span>{' '}
          <a className="ways-to-help__call" href={telHref(lines.talk)}>
            {t('help.talkCall', { number: lines.talk })}
          </a>
        </li>
        <li>
          <span>{t('help.suicide')}</span>{' '}
          <a className="ways-to-help__call" href={telHref(lines.suicide)}>
            {t('help.call', { number: lines.suicide })}
          </a>{' '}
          <a className="ways-to-help__call" href={telHref(lines.suicideFree)}>
            {t('help.call', { number: lines.suicideFree })}
          </a>
        </li>
        {lines.own && (
          <li>
            <span>{lines.own.label}</span>{' '}
            <a className="ways-to-help__call" href={telHref(lines.own.number)}>
              {t('help.call', { number: lines.own.number })}
            </a>
          </li>
        )}
      </ul>
    </aside>
  )
}
