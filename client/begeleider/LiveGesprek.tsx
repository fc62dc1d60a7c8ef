import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toolInfo } from '../../dialogs/catalog'
import type { GesprekDetail, JoinCodeOut } from '../../dialogs/contract/http'
import type { ItemView } from '../../dialogs/contract/view'
import { api } from '../net/api'
import { newMsgId } from '../net/outbox'
import { useGesprek } from '../net/useGesprek'
import { pictureUrl } from '../ui/pictures'
import { ShareIcon } from '../ui/ShareIcon'
import { takeJoin } from './join-memory'

/** The begeleider's live view: answers arrive in order, each with the child's sharing choice beside it. */
export function LiveGesprek({ gesprekId, go }: { gesprekId: string; go: (path: string) => void }) {
  const [detail, setDetail] = useState<GesprekDetail | null>(null)
  const [join, setJoin] = useState<JoinCodeOut | null>(() => takeJoin(gesprekId))
  const { view: live, connection, send } = useGesprek(gesprekId)
  const tool = toolInfo(detail?.gesprek.toolId ?? '')
  const { t } = useTranslation([tool?.namespace ?? 'common', 'common', 'errors'])

  useEffect(() => {
    api<GesprekDetail>(`/api/gesprekken/${gesprekId}`).then(setDetail, () => go('/begeleider'))
  }, [gesprekId, go])

  const view = live ?? detail?.view
  if (!detail || !view || !tool) return <p className="muted">{t('common:loading')}</p>
  const newCode = () =>
    api<JoinCodeOut>(`/api/gesprekken/${gesprekId}/join-code`, { method: 'POST', body: {} }).then(setJoin)
  const stepTitle = (id: string) => t(`${id}.title`)

  return (
    <div className="live">
      <button type="button" className="btn btn--quiet" onClick={() => go(`/begeleider/kind/${detail.child.id}`)}>
        ← {detail.child.nickname}
      </button>
      <header className="live__head">
        <h1>
          {t(`common:tools.${tool.id}`)} · {detail.child.nickname}
        </h1>
        <span className={`phase phase--${view.phase}`}>{t(`common:begeleider.phase.${view.phase}`)}</span>
        <span className={`live-dot live-dot--${connection}`}>{t('common:begeleider.live')}</span>
      </header>
      {view.step && (
        <p className="live__where">{t('common:begeleider.currentStep', { step: stepTitle(view.step.id) })}</p>
      )}

      {tool.operator === 'kind' && view.phase === 'actief' && (
        <section className="panel join-panel">
          {join ? (
            <>
              <h2>{t('common:begeleider.joinTitle')}</h2>
              <div className="join-panel__row">
                <p className="join-code" data-testid="join-code">
                  {join.code}
                </p>
                <img className="join-qr" alt="QR" src={`data:image/svg+xml;utf8,${encodeURIComponent(join.qrSvg)}`} />
              </div>
              <p className="muted">{t('common:begeleider.joinHint', { url: `${location.origin}/kind` })}</p>
            </>
          ) : null}
          <button type="button" className="btn btn--soft" onClick={() => void newCode()}>
            {t('common:begeleider.newCode')}
          </button>
        </section>
      )}

      {view.items.length === 0 && <p className="muted">{t('common:begeleider.waitingForChild')}</p>}
      {tool.steps
        .filter((s) => s.kind !== 'info' && s.kind !== 'share')
        .map((s) => {
          const items = view.items.filter((i) => i.stepId === s.id)
          const skipped = view.skipped.includes(s.id)
          if (items.length === 0 && !skipped) return null
          return (
            <section key={s.id} className="panel live-step">
              <h2>
                {stepTitle(s.id)} {skipped && <span className="badge">{t('common:begeleider.skipped')}</span>}
              </h2>
              <ol className="live-items">
                {items.map((item) => (
                  <LiveItem
                    key={item.id}
                    item={item}
                    onWorry={(on) => send({ type: 'worry.mark', itemId: item.id, on })}
                    followUpLabel={(k) => t(`${s.id}.followUps.${k}`)}
                  />
                ))}
              </ol>
            </section>
          )
        })}
      <Notes notes={view.notes} onAdd={(text) => send({ type: 'note.add', note: { id: newMsgId(), text } })} />
    </div>
  )
}

function LiveItem({
  item,
  onWorry,
  followUpLabel,
}: {
  item: ItemView
  onWorry: (on: boolean) => void
  followUpLabel: (k: string) => string
}) {
  const { t } = useTranslation()
  return (
    <li className={item.worry ? 'live-item is-worry' : 'live-item'} data-testid="live-item">
      <div className="live-item__what">
        {item.pictures.map((p) => (
          <img key={p} src={pictureUrl(p)} alt={t(`pictures.${p}`)} title={t(`pictures.${p}`)} />
        ))}
        {item.text && <p>{item.text}</p>}
        {Object.entries(item.followUps).map(([k, v]) =>
          v ? (
            <p key={k} className="live-item__follow">
              <em>{followUpLabel(k)}</em> {v}
            </p>
          ) : null,
        )}
      </div>
      <div className="live-item__share" title={t(`share.level.${item.share}`)}>
        <ShareIcon level={item.share} size={28} />
        <span>{t(`share.levelShort.${item.share}`)}</span>
      </div>
      <button type="button" className="btn btn--quiet btn--small" onClick={() => onWorry(!item.worry)}>
        {item.worry ? t('begeleider.unmarkWorry') : t('begeleider.markWorry')}
      </button>
    </li>
  )
}

function Notes({ notes, onAdd }: { notes: { id: string; text: string }[]; onAdd: (text: string) => void }) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  return (
    <section className="panel">
      <h2>{t('begeleider.notes')}</h2>
      <ul className="notes">
        {notes.map((n) => (
          <li key={n.id}>{n.text}</li>
        ))}
      </ul>
      <form
        className="composer__row"
        onSubmit={(e) => {
          e.preventDefault()
          if (text.trim()) onAdd(text.trim())
          setText('')
        }}
      >
        <textarea
          value={text}
          maxLength={2000}
          rows={2}
          onChange={(e) => setText(e.target.value)}
          aria-label={t('begeleider.addNote')}
        />
        <button type="submit" className="btn btn--soft">
          {t('begeleider.addNote')}
        </button>
      </form>
    </section>
  )
}
