import type { TFunction } from 'i18next'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { GesprekView } from '../../../dialogs/contract/view'
import type { GesprekCommand } from '../../../dialogs/framework/events'
import type { ToolInfo } from '../../../dialogs/framework/tool'
import { Receipt } from '../../ui/Receipt'
import { ShareIcon } from '../../ui/ShareIcon'
import { SharingView } from './SharingView'

/**
 * "Wie mag het weten?" whenever the child wants: a button on every step that opens the sharing view
 * (and the receipt) over the gesprek. Nothing is navigated: the gesprek stays where it was underneath.
 */
export function SharingButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation(['deelafspraak'])
  return (
    <button type="button" className="btn btn--soft share-open" onClick={onOpen} data-testid="open-sharing">
      <ShareIcon level="alleen-ik" size={24} />
      {t('deelafspraak:open')}
    </button>
  )
}

export function SharingPanel({
  view,
  tool,
  send,
  t,
  token,
  onClose,
  exit,
}: {
  view: GesprekView
  tool: ToolInfo
  send: (event: GesprekCommand) => void
  t: TFunction
  token: string
  onClose: () => void
  /** The quick-exit button: the panel covers the page, so it brings its own, first in tab order. */
  exit?: ReactNode
}) {
  const { t: td } = useTranslation(['deelafspraak'])
  const [tab, setTab] = useState<'share' | 'receipt'>('share')
  const closeRef = useRef<HTMLButtonElement>(null)
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })
  // Once on open: focus moves into the panel; Escape closes it. Live updates must not steal focus.
  useEffect(() => {
    closeRef.current?.focus()
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCloseRef.current()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <div className="share-panel" role="dialog" aria-modal="true" aria-label={td('deelafspraak:open')}>
      <div className="share-panel__inner">
        <div className="share-panel__head">
          {exit}
          <button ref={closeRef} type="button" className="btn btn--soft" onClick={onClose}>
            <span className="dir-arrow" aria-hidden="true">
              ←
            </span>{' '}
            {td('deelafspraak:close')}
          </button>
        </div>
        <div className="share-panel__tabs" role="tablist">
          {(['share', 'receipt'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className="share-panel__tab"
              onClick={() => setTab(k)}
            >
              {td(k === 'share' ? 'deelafspraak:tabs.share' : 'deelafspraak:tabs.receipt')}
            </button>
          ))}
        </div>
        {tab === 'share' ? <SharingView view={view} tool={tool} send={send} t={t} /> : <Receipt token={token} />}
      </div>
    </div>
  )
}
