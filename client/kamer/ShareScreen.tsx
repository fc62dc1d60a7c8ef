import { useTranslation } from 'react-i18next'
import { toolInfo } from '../../dialogs/catalog'
import type { KamerGesprek } from '../../dialogs/contract/kamer'
import type { GesprekView, ItemView } from '../../dialogs/contract/view'
import type { GesprekCommand } from '../../dialogs/framework/events'
import type { ToolInfo } from '../../dialogs/framework/tool'
import type { ShareLevel } from '../../dialogs/sharing'
import { registerT } from '../kind/steps/register'
import { ItemSummary } from '../ui/ItemSummary'
import { ShareChoice } from '../ui/ShareChoice'
import { ShareIcon } from '../ui/ShareIcon'
import { useKamerTool } from './kamer-texts'

type Send = (gesprekId: string, event: GesprekCommand) => void
/** One kamer tool's gesprek with its latest view: the screen lists items per tool. */
type ToolGroup = { gesprekId: string; tool: ToolInfo; view: GesprekView }

/**
 * "Klaar voor mijn afspraak": everything in the kamer starts as 'alleen ik'; here the jongere picks,
 * per item, who may know it (the deelafspraak's four equal choices), sees what is shared now, and can
 * take any of it back. The server's projection decides what the begeleider then sees.
 */
export function ShareScreen({
  gesprekken,
  views,
  send,
  onHome,
}: {
  gesprekken: readonly KamerGesprek[]
  views: Record<string, GesprekView>
  send: Send
  onHome: () => void
}) {
  const { t } = useTranslation(['kamer', 'common'])
  const groups = gesprekken.flatMap((g) => {
    const tool = toolInfo(g.toolId)
    const view = views[g.id]
    return tool && view && view.items.length > 0 ? [{ gesprekId: g.id, tool, view } satisfies ToolGroup] : []
  })
  const sharedCount = groups.reduce((n, g) => n + g.view.items.filter((i) => i.share !== 'alleen-ik').length, 0)

  return (
    <section className="kamer-share">
      <button type="button" className="btn btn--quiet" onClick={onHome}>
        <span className="dir-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {t('kamer:room.home')}
      </button>
      <h1>{t('kamer:share.title')}</h1>
      <p>{t('kamer:share.intro')}</p>
      <p className="kamer-small">{t('common:share.honest')}</p>

      <h2>{t('kamer:share.sharedTitle')}</h2>
      {sharedCount === 0 && <p className="kamer-note">{t('kamer:share.nothingShared')}</p>}
      <ul className="kamer-shared" aria-label={t('kamer:share.sharedTitle')}>
        {groups.map((g) => (
          <SharedList key={g.gesprekId} {...g} send={send} />
        ))}
      </ul>

      <h2>{t('kamer:share.chooseTitle')}</h2>
      {groups.length === 0 && <p className="kamer-note">{t('kamer:share.empty')}</p>}
      {groups.map((g) => (
        <ChooseGroup key={g.gesprekId} {...g} send={send} />
      ))}
    </section>
  )
}

/**
 * The words of the gesprek's own tool version (ADR 0145), for the prompts the items answer; until they
 * are there the items show without them, never with another version's.
 */
function useToolT({ gesprekId, tool, view }: ToolGroup) {
  const own = useKamerTool(gesprekId, tool.id)
  const { t } = useTranslation([own?.tool.namespace ?? 'kamer', 'common'])
  return { tt: registerT(t, view.ageBand), tool: own?.tool }
}

function SharedList(props: ToolGroup & { send: Send }) {
  const { gesprekId, tool, view, send } = props
  const { t } = useTranslation(['kamer', 'common'])
  const { tt, tool: own } = useToolT(props)
  if (!own) return null
  return (
    <>
      {view.items
        .filter((i) => i.share !== 'alleen-ik')
        .map((item) => (
          <li key={item.id} className="kamer-shared__item">
            <ShareIcon level={item.share} size={28} />
            <div className="kamer-shared__what">
              <span className="kamer-small">
                {t(`kamer:tool.${tool.id}.title`)} · {t(`common:share.levelShort.${item.share}`)}
              </span>
              <ItemSummary item={item} step={tool.steps.find((s) => s.id === item.stepId)} t={tt} />
            </div>
            <button
              type="button"
              className="btn btn--soft btn--small"
              onClick={() => send(gesprekId, { type: 'share.set', itemIds: [item.id], level: 'alleen-ik' })}
            >
              {t('kamer:share.takeBack')}
            </button>
          </li>
        ))}
    </>
  )
}

function ChooseGroup(props: ToolGroup & { send: Send }) {
  const { gesprekId, tool, view, send } = props
  const { t } = useTranslation(['kamer', 'common'])
  const { tt, tool: own } = useToolT(props)
  const setLevel = (item: ItemView, level: ShareLevel) =>
    send(gesprekId, { type: 'share.set', itemIds: [item.id], level })
  return (
    <div className="share-group">
      <h3>{t(`kamer:tool.${tool.id}.title`)}</h3>
      {!own && <p className="loading">{t('common:loading')}</p>}
      {own && (
        <ul className="share-list">
          {view.items.map((item) => (
            <li key={item.id} className="share-item">
              <ItemSummary item={item} step={tool.steps.find((s) => s.id === item.stepId)} t={tt} />
              <ShareChoice
                compact
                name={item.text ?? item.person?.name ?? item.subject ?? item.id}
                value={item.share}
                onChange={(level) => setLevel(item, level)}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
