import { useTranslation } from 'react-i18next'
import { WaysToHelp } from '../ui/WaysToHelp'

/**
 * Honest about the limits (techsafety: no false sense of security): what this page does to leave
 * no trace, what it cannot hide, and what the jongere can do about that.
 */
export function SafetyNote({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation(['kamer'])
  return (
    <section className="kamer-safety">
      <h1>{t('kamer:safety.title')}</h1>
      <h2>{t('kamer:safety.doesTitle')}</h2>
      <ul>
        <li>{t('kamer:safety.does.noTraces')}</li>
        <li>{t('kamer:safety.does.quickExit')}</li>
        <li>{t('kamer:safety.does.idle')}</li>
        <li>{t('kamer:safety.does.private')}</li>
      </ul>
      <h2>{t('kamer:safety.cannotTitle')}</h2>
      <ul>
        <li>{t('kamer:safety.cannot.screenshot')}</li>
        <li>{t('kamer:safety.cannot.account')}</li>
        <li>{t('kamer:safety.cannot.notifications')}</li>
        <li>{t('kamer:safety.cannot.watching')}</li>
        <li>{t('kamer:safety.cannot.spyware')}</li>
        <li>{t('kamer:safety.cannot.keyboard')}</li>
      </ul>
      <h2>{t('kamer:safety.canDoTitle')}</h2>
      <ul>
        <li>{t('kamer:safety.canDo.private')}</li>
        <li>{t('kamer:safety.canDo.place')}</li>
        <li>{t('kamer:safety.canDo.tell')}</li>
        <li>{t('kamer:safety.canDo.keyboard')}</li>
      </ul>
      <WaysToHelp />
      <button type="button" className="btn btn--primary" onClick={onDone}>
        {t('kamer:safety.ok')}
      </button>
    </section>
  )
}
