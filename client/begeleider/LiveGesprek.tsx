import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toolInfo } from '../../dialogs/catalog'
import type { GesprekDetail, JoinCodeOut } from '../../dialogs/contract/http'
import type { GesprekView, ItemView } from '../../dialogs/contract/view'
import type { GesprekCommand } from '../../dialogs/framework/events'
import type { ToolInfo } from '../../dialogs/framework/tool'
import { apiClient } from '../net/api-client'
import { newMsgId, type OutboxEntry } from '../net/outbox'
import { useGesprek } from '../net/useGesprek'
import { StepHost } from '../steps/StepHost'
import { useGesprekTool } from '../tools/useGesprekTool'
import { takeJoin } from './join-memory'
import { linkProps } from './router'
import { formatDay, ItemWords, ShareBadge } from './words'
import type { LangCode } from '../../dialogs/contract/languages'
import { GesprekLanguageSelect } from './GesprekLanguage'

/**
 * The begeleider's live view: answers arrive in order, each with the child's sharing choice beside it;
 * notes and worry marks per gesprek (sealed in the gesprek log like answers). For a tool the begeleider
 * operates (the 0-4 observation) the same page holds the step screen and the navigation.
 */
export function LiveGesprek({ gesprekId, go }: { gesprekId: string; go: (path: string) => void }) {
  const [detail, setDetail] = useState<GesprekDetail | null>(null)
  const [join, setJoin] = useState<JoinCodeOut | null>(() => takeJoin(gesprekId))
  const { view: live, connection, error, pending, send } = useGesprek(gesprekId)
  const gesprekTool = useGesprekTool(detail?.gesprek.toolId, (live ?? detail?.view)?.version, { gesprekId })
  const tool = gesprekTool?.tool
  const { t } = useTranslation([tool?.namespace ?? 'common', 'workspace', 'common', 'errors', 'screens'])

  useEffect(() => {
    apiClient.gesprekken.detail(gesprekId).then(setDetail, () => go('/begeleider'))
  }, [gesprekId, go])

  const view = live ?? detail?.view
  if (!detail || !view || !tool) return <p className="muted">{t('common:loading')}</p>
  const newCode = (lang: LangCode = join?.lang ?? 'nl') => apiClient.gesprekken.joinCode(gesprekId, lang).then(setJoin)
  const stepTitle = (id: string) => t(`${id}.title`)
  const operating = tool.operator === 'begeleider'
  const itemText = (id: string) => view.items.find((i) => i.id === id)?.text

  return (
    <div className="live">
      <a className="btn btn--quiet" {...linkProps(go, `/begeleider/kind/${detail.child.id}`)}>
        <span className="dir-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {detail.child.nickname}
      </a>
      <header className="live__head">
        <h1>
          {t(`common:tools.${tool.id}`)} · {detail.child.nickname}
        </h1>
        <span className={`phase phase--${view.phase}`}>{t(`common:begeleider.phase.${view.phase}`)}</span>
        <span className={`live-dot live-dot--${connection}`}>{t('common:begeleider.live')}</span>
      </header>
      {error && <p className="form-error">{t(`errors:${error}`)}</p>}
      {!operating && (
        <p className="live__where" data-testid="live-where">
          {/* The child's device moves the gesprek: once it has, the child is in. */}
          {childActive(view) ? (
            <strong className="live__joined">{t('screens:live.joined', { name: detail.child.nickname })}</strong>
          ) : (
            <span className="muted">{t('screens:live.waiting', { name: detail.child.nickname })}</span>
          )}
          {view.step && <> · {t('screens:live.at', { name: detail.child.nickname, step: stepTitle(view.step.id) })}</>}
        </p>
      )}
      {view.phase === 'afgerond' && (
        <p className="live__after">
          <a
            className="btn btn--primary btn--small"
            {...linkProps(go, `/begeleider/kind/${detail.child.id}/oudergesprek`)}
          >
            {t('screens:live.toOudergesprek')}
          </a>
        </p>
      )}

      {/* Once answers arrive the child is in: the code folds away but stays one click from reach. */}
      {tool.operator === 'kind' && view.phase === 'actief' && view.items.length > 0 && (
        <details className="join-folded">
          <summary>{t('common:begeleider.newCode')}</summary>
          <button type="button" className="btn btn--soft btn--small" onClick={() => void newCode()}>
            {t('common:begeleider.newCode')}
          </button>
          {join && <span className="join-folded__code">{join.code}</span>}
        </details>
      )}
      {tool.operator === 'kind' && view.phase === 'actief' && view.items.length === 0 && (
        <section className="panel join-panel">
          {join ? (
            <>
              <h2>{t('common:begeleider.joinTitle')}</h2>
              <div className="join-panel__row">
                <p className="join-code" data-testid="join-code" dir="ltr">
                  {join.code}
                </p>
                <img className="join-qr" alt="QR" src={`data:image/svg+xml;utf8,${encodeURIComponent(join.qrSvg)}`} />
              </div>
              <p className="muted">
                {t('common:begeleider.joinHint', {
                  url: `${location.origin}/kind${join.lang ? `?lang=${join.lang}` : ''}`,
                })}
              </p>
            </>
          ) : null}
          <GesprekLanguageSelect
            value={join?.lang ?? 'nl'}
            offered={gesprekTool?.languages}
            onChange={(lang) => void newCode(lang)}
          />
          <button type="button" className="btn btn--soft" onClick={() => void newCode()}>
            {t('common:begeleider.newCode')}
          </button>
        </section>
      )}

      {operating && <Operator tool={tool} view={view} send={send} pending={pending} />}

      <div className="live__cols">
        <div className="live__answers">
          <h2 className="sr-only">{t('workspace:live.answersInOrder')}</h2>
          {view.items.length === 0 && !operating && <p className="muted">{t('common:begeleider.waitingForChild')}</p>}
          {tool.steps
            .filter((s) => s.type !== 'info' && s.type !== 'share')
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
                        tool={tool}
                        onWorry={(on) => send({ type: 'worry.mark', itemId: item.id, on })}
                      />
                    ))}
                  </ol>
                </section>
              )
            })}
        </div>
        <Notes
          notes={view.notes}
          traces={view.traces ?? []}
          stepTitle={(stepId) => t(`${tool.namespace}:steps.${stepId}`)}
          items={view.items}
          itemText={itemText}
          onAdd={(text, itemId) =>
            send({ type: 'note.add', note: { id: newMsgId(), text, ...(itemId ? { itemId } : {}) } })
          }
        />
      </div>
    </div>
  )
}

/** The begeleider operates the tool: same step screens as the child's client, same event language. */
function Operator({
  tool,
  view,
  send,
  pending,
}: {
  tool: ToolInfo
  view: GesprekView
  send: (e: GesprekCommand) => void
  pending: readonly OutboxEntry[]
}) {
  const { t } = useTranslation([tool.namespace, 'workspace', 'common', 'screens'])
  return (
    <section className="panel operator" data-testid="operator">
      <p className="muted">
        <strong>{t('workspace:live.operate')}</strong> · {t('workspace:live.operateHint')}
      </p>
      <StepHost
        view={view}
        tool={tool}
        send={send}
        pending={pending}
        t={t}
        nav={{ className: 'operator__nav', as: 'div', skip: true, pause: true, stop: true }}
        rest={
          <div className="operator__nav">
            <h1 className="visually-hidden">{t(`common:tools.${tool.id}`)}</h1>
            {view.phase === 'afgerond' && <p>{t('screens:live.observationDone')}</p>}
            {view.can.resume && (
              <button type="button" className="btn btn--primary" onClick={() => send({ type: 'gesprek.resume' })}>
                {t('common:nav.resume')}
              </button>
            )}
          </div>
        }
      />
    </section>
  )
}

/** Whether the child's device has moved the gesprek yet (a step, an answer, a pause). */
const childActive = (view: GesprekView) =>
  view.items.length > 0 || (view.step?.index ?? 0) > 0 || view.phase !== 'actief' || view.skipped.length > 0

/** What asks for a begeleider's eye without an alarm: a red light, a low place on the ladder. */
const asksAttention = (item: ItemView) => item.colour === 'rood' || (item.scale !== undefined && item.scale <= 4)

function LiveItem({ item, tool, onWorry }: { item: ItemView; tool: ToolInfo; onWorry: (on: boolean) => void }) {
  const toolId = tool.id
  const { t } = useTranslation(['workspace', 'common'])
  const cls = ['live-item', item.worry ? 'is-worry' : '', asksAttention(item) ? 'is-attention' : '']
  return (
    <li className={cls.filter(Boolean).join(' ')} data-testid="live-item">
      <ItemWords item={item} toolId={toolId} tool={tool} />
      {/* Only where the child operates the tool is there a choice still to come. */}
      <ShareBadge item={item} undecided={toolInfo(toolId)?.operator === 'kind' && !item.chosen} />
      <button
        type="button"
        className="btn btn--quiet btn--small"
        aria-pressed={item.worry}
        onClick={() => onWorry(!item.worry)}
      >
        {item.worry ? t('common:begeleider.unmarkWorry') : t('common:begeleider.markWorry')}
      </button>
    </li>
  )
}

function Notes({
  notes,
  traces,
  stepTitle,
  items,
  itemText,
  onAdd,
}: {
  notes: GesprekView['notes']
  traces: NonNullable<GesprekView['traces']>
  stepTitle: (stepId: string) => string
  items: ItemView[]
  itemText: (id: string) => string | undefined
  onAdd: (text: string, itemId?: string) => void
}) {
  const { t, i18n } = useTranslation(['workspace', 'common'])
  const [text, setText] = useState('')
  const [about, setAbout] = useState('')
  return (
    <section className="panel live__notes">
      <h2>{t('common:begeleider.notes')}</h2>
      <ul className="notes">
        {traces.map((tr, i) => (
          <li key={`trace-${i}`} className="note--trace" data-testid="worry-trace">
            {tr.at
              ? t('workspace:live.traceOn', { step: stepTitle(tr.stepId), date: formatDay(tr.at, i18n.language) })
              : t('workspace:live.trace', { step: stepTitle(tr.stepId) })}
          </li>
        ))}
        {notes.map((n) => (
          <li key={n.id}>
            {n.text}
            {n.takenBack && <span className="muted"> · {t('workspace:live.noteTakenBack')}</span>}
            {n.itemId && itemText(n.itemId) && (
              <span className="muted">
                {' '}
                · {t('workspace:live.noteFor', { text: itemText(n.itemId)!.slice(0, 40) })}
              </span>
            )}
          </li>
        ))}
      </ul>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault()
          if (text.trim()) onAdd(text.trim(), about || undefined)
          setText('')
          setAbout('')
        }}
      >
        <textarea
          value={text}
          maxLength={2000}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          aria-label={t('common:begeleider.addNote')}
        />
        {/* Offered only while writing: the list repeats the child's words and would crowd the page. */}
        {text.trim() !== '' && items.some((i) => i.text) && (
          <label>
            <span className="muted">{t('workspace:live.noteAbout')}</span>
            <select value={about} onChange={(e) => setAbout(e.target.value)}>
              <option value="">{t('workspace:live.noteAboutNone')}</option>
              {items
                .filter((i) => i.text)
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.text!.slice(0, 50)}
                  </option>
                ))}
            </select>
          </label>
        )}
        <button type="submit" className="btn btn--soft">
          {t('common:begeleider.addNote')}
        </button>
      </form>
    </section>
  )
}
