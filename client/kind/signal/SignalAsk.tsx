import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GesprekView } from '../../../dialogs/contract/view'
import type { GesprekCommand } from '../../../dialogs/framework/events'
import { signalOf, type SignalType } from '../../../dialogs/signals'
import { WaysToHelp } from '../../ui/WaysToHelp'
import { isAdultBand } from '../steps/register'

type Asking = { itemId: string; type: SignalType; answer?: 'yes' | 'no' }

/**
 * When an answer suggests danger and only the child can see it, ask right then, without pressure,
 * whether the begeleider may know it now, with the ways to help beside it (docs/signals.md). "Ja"
 * shares that one item with the begeleider (the child's own share.set); "Nee" changes nothing and
 * says what that means. Asked once per answer while the page is open; answers already there when the
 * screen opens are not asked about again.
 */
export function SignalAsk({ view, send }: { view: GesprekView | null; send: (e: GesprekCommand) => void }) {
  const { t } = useTranslation('common')
  const seen = useRef<Set<string> | null>(null)
  const [asking, setAsking] = useState<Asking | null>(null)
  const card = useRef<HTMLElement>(null)
  // The question appears below the answer on a phone: bring it into view once, calmly (no animation).
  const askingId = asking?.itemId
  useEffect(() => {
    if (askingId) card.current?.scrollIntoView({ block: 'nearest' })
  }, [askingId])

  useEffect(() => {
    if (!view) return
    const danger = view.items.flatMap((i) => {
      const type = signalOf(view.toolId, i)
      return type ? [{ item: i, type }] : []
    })
    if (seen.current === null) {
      seen.current = new Set(danger.map((d) => d.item.id))
      return
    }
    for (const d of danger) {
      if (seen.current.has(d.item.id)) continue
      seen.current.add(d.item.id)
      if (d.item.share === 'alleen-ik' && !asking) setAsking({ itemId: d.item.id, type: d.type })
    }
  }, [view, asking])

  if (!view || !asking) return null
  const ctx = isAdultBand(view.ageBand) ? { context: 'jongere' } : {}
  const answer = (a: 'yes' | 'no') => {
    if (a === 'yes') send({ type: 'share.set', itemIds: [asking.itemId], level: 'begeleider' })
    setAsking({ ...asking, answer: a })
  }
  return (
    <section ref={card} className="signal-ask" role="region" aria-live="polite" aria-label={t('signal.title')}>
      <h2>{t('signal.title')}</h2>
      {!asking.answer && (
        <>
          <p>{t(`signal.why.${asking.type}`, ctx)}</p>
          <p>{t('signal.what', ctx)}</p>
          <div className="signal-ask__choices">
            <button type="button" className="btn btn--primary" onClick={() => answer('yes')}>
              {t('signal.yes')}
            </button>
            <button type="button" className="btn btn--soft" onClick={() => answer('no')}>
              {t('signal.no')}
            </button>
          </div>
        </>
      )}
      {asking.answer === 'yes' && <p>{t('signal.shared', ctx)}</p>}
      {asking.answer === 'no' && <p>{t('signal.kept', ctx)}</p>}
      <WaysToHelp compact />
      {asking.answer && (
        <button type="button" className="btn btn--quiet" onClick={() => setAsking(null)}>
          {t('signal.close')}
        </button>
      )}
    </section>
  )
}
