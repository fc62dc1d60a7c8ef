import { useTranslation } from 'react-i18next'
import { toolInfo } from '../../dialogs/catalog'
import type { ReceiptEntry } from '../../dialogs/contract/receipt'
import { useReceipt } from '../ui/Receipt'

/** The receipt: who looked at what the jongere shared, and when. Names parts, never content (docs/deelafspraak.md, access log). */
export function Receipt({ token, onHome }: { token: string; onHome: () => void }) {
  const { t } = useTranslation(['kamer', 'errors'])
  const { entries, error } = useReceipt('/api/kamer/receipt', token)

  return (
    <section className="kamer-receipt">
      <button type="button" className="btn btn--quiet" onClick={onHome}>
        <span className="dir-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {t('kamer:room.home')}
      </button>
      <h1>{t('kamer:receipt.title')}</h1>
      <p>{t('kamer:receipt.intro')}</p>
      {error && <p className="kamer-error">{t(`errors:${error}`)}</p>}
      {entries?.length === 0 && <p className="kamer-note">{t('kamer:receipt.none')}</p>}
      <ul className="kamer-receipt__list">
        {entries?.map((e, i) => (
          <ReceiptLine key={i} entry={e} />
        ))}
      </ul>
    </section>
  )
}

function ReceiptLine({ entry }: { entry: ReceiptEntry }) {
  const { t: tk } = useTranslation(['kamer'])
  const at = new Date(entry.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  // Every way into the kamer stands on its own line with its time (a setup or an open with the PIN).
  if (entry.what === 'kamer-setup' || entry.what === 'kamer-open')
    return <li className="kamer-receipt__line">{tk(`kamer:receipt.${entry.what}`, { at })}</li>
  return <ReceiptSeen entry={entry} />
}

function ReceiptSeen({ entry }: { entry: ReceiptEntry }) {
  const tool = entry.toolId ? toolInfo(entry.toolId) : undefined
  const { t } = useTranslation(['kamer'])
  const { t: tt } = useTranslation([tool?.namespace ?? 'kamer'])
  const what = tool ? t(`kamer:tool.${tool.id}.title`) : t('kamer:receipt.something')
  const parts = tool ? entry.stepIds.map((s) => tt(`steps.${s}`)).join(', ') : ''
  return (
    <li className="kamer-receipt__line">
      <strong>{t('kamer:receipt.line', { who: entry.who, what })}</strong>
      {parts && <span> · {parts}</span>}
      <span className="kamer-small">
        {' '}
        · {new Date(entry.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
        {entry.count > 1 && <> · {t('kamer:receipt.count', { count: entry.count })}</>}
      </span>
    </li>
  )
}
