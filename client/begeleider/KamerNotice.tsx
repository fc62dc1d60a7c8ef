import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toolInfo } from '../../dialogs/catalog'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { JoinCodeOut } from '../../dialogs/contract/http'
import type { KamerNotice as Notice, KamerOverview } from '../../dialogs/contract/kamer'
import type { ItemView } from '../../dialogs/contract/view'
import { ApiError } from '../net/api'
import { apiClient } from '../net/api-client'
import { ItemSummary } from '../ui/ItemSummary'
import { ShareIcon } from '../ui/ShareIcon'
import type { Route } from './router'
import '../kamer/kamer.css'

const POLL_MS = 60_000

/**
 * The kamer, seen from the workspace (docs/kamer.md). Self-contained so the workspace needs one line:
 * a quiet corner notice when a jongere shared something new (polled, no push), and on a child's page
 * the kamer panel: invite (code + QR) and exactly what the jongere shared.
 */
export function KamerNotice({ route, go }: { route: Route; go: (path: string) => void }) {
  const { t } = useTranslation(['kamer'])
  const [notices, setNotices] = useState<Notice[]>([])
  const [dismissed, setDismissed] = useState(false)
  const childId = route.name === 'child' ? route.childId : null

  const poll = useCallback(() => {
    apiClient.kamer.notices().then(setNotices, () => undefined)
  }, [])
  useEffect(() => {
    poll()
    const timer = setInterval(poll, POLL_MS)
    return () => clearInterval(timer)
  }, [poll, route])

  const shown = notices.filter((n) => n.childId !== childId)
  return (
    <>
      {childId && <KamerPanel key={childId} childId={childId} onSeen={poll} />}
      {!dismissed && shown.length > 0 && (
        <div className="kamer-notice" role="status">
          <span>{t('kamer:beg.notice', { count: shown.length, names: shown.map((n) => n.nickname).join(', ') })}</span>
          <button
            type="button"
            className="btn btn--soft btn--small"
            onClick={() => go(`/begeleider/kind/${shown[0]!.childId}`)}
          >
            {t('kamer:beg.open')}
          </button>
          <button type="button" className="btn btn--quiet btn--small" onClick={() => setDismissed(true)}>
            {t('kamer:beg.dismiss')}
          </button>
        </div>
      )}
    </>
  )
}

function KamerPanel({ childId, onSeen }: { childId: string; onSeen: () => void }) {
  const { t } = useTranslation(['kamer', 'errors'])
  const [overview, setOverview] = useState<KamerOverview | null>(null)
  const [invite, setInvite] = useState<JoinCodeOut | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.code : 'internal')

  useEffect(() => {
    apiClient.kamer.overview(childId).then((o) => {
      setOverview(o)
      onSeen()
    }, fail)
  }, [childId, onSeen])

  if (!overview?.available) return null
  const makeInvite = () => apiClient.kamer.invite(childId).then(setInvite, fail)

  return (
    <section className="panel kamer-panel" aria-label={t('kamer:beg.title')}>
      <h2>{t('kamer:beg.title')}</h2>
      <p className="muted">{overview.open ? t('kamer:beg.isOpen') : t('kamer:beg.notOpen')}</p>
      <div className="kamer-panel__invite">
        <button type="button" className="btn btn--soft" onClick={() => void makeInvite()}>
          {invite || overview.open ? t('kamer:beg.newInvite') : t('kamer:beg.invite')}
        </button>
        {invite && (
          <>
            <span className="kamer-panel__code" data-testid="kamer-code">
              {invite.code}
            </span>
            <img className="kamer-qr" alt="QR" src={`data:image/svg+xml;utf8,${encodeURIComponent(invite.qrSvg)}`} />
            <p className="muted">{t('kamer:beg.inviteHint', { url: `${location.origin}/kamer` })}</p>
          </>
        )}
      </div>
      <h3>{t('kamer:beg.shared')}</h3>
      {overview.shared.length === 0 && <p className="muted">{t('kamer:beg.nothing')}</p>}
      <ul className="kamer-shared" data-testid="kamer-shared">
        {overview.shared.flatMap((g) =>
          g.items.map((item) => (
            <SharedItem key={item.id} toolId={g.toolId} item={item} isNew={overview.newItemIds.includes(item.id)} />
          )),
        )}
      </ul>
      {error && <p className="form-error">{t(`errors:${error}`)}</p>}
    </section>
  )
}

function SharedItem({ toolId, item, isNew }: { toolId: string; item: ItemView; isNew: boolean }) {
  const tool = toolInfo(toolId)
  const { t } = useTranslation(['kamer'])
  const { t: tt } = useTranslation([tool?.namespace ?? 'kamer', 'common'])
  return (
    <li className="kamer-shared__item">
      <ShareIcon level={item.share} size={28} />
      <div className="kamer-shared__what">
        <span className="muted">
          {t(`kamer:tool.${toolId}.title`)}
          {isNew && <span className="badge--new">{t('kamer:beg.new')}</span>}
        </span>
        <ItemSummary item={item} step={tool?.steps.find((s) => s.id === item.stepId)} t={tt} />
      </div>
      <span />
    </li>
  )
}
