import type { TFunction } from 'i18next'
import { useContext } from 'react'
import { useTranslation } from 'react-i18next'
import type { GesprekView } from '../../dialogs/contract/view'
import type { ToolInfo } from '../../dialogs/framework/tool'
import { ItemSummary } from '../ui/ItemSummary'
import { pictureUrl } from '../ui/pictures'
import { Prompt } from '../ui/ReadAloud'
import { ShareIcon } from '../ui/ShareIcon'
import { whatParentsHear } from './parent-hears'
import { BegeleiderContext } from './steps/begeleider'
import { isAdultBand, registerT } from './steps/register'

/**
 * "Wat je ouder hoort", on the closing screen right after the child chose who may know what: per parent
 * what the begeleider tells and what the child tells itself, then plainly that the rest stays from the
 * parents, with the one honest limit (safety). The method asks that a child knows what the parent does
 * and does not know. Read aloud; for 4-12 with a picture and the level's icon.
 */
export function ParentHears({ view, tool, t: toolT }: { view: GesprekView; tool: ToolInfo; t: TFunction }) {
  const { t } = useTranslation(['screens', 'common'])
  const t2 = registerT(toolT, view.ageBand)
  const begeleider = useContext(BegeleiderContext)
  const name = begeleider.name ?? t('common:kind.noBegeleiderName')
  const pictured = !isAdultBand(view.ageBand)
  const groups = whatParentsHear(view.items)
  const stepOf = (stepId: string) => tool.steps.find((s) => s.id === stepId)
  const list = (items: GesprekView['items']) => (
    <ul className="parent-hears__items">
      {items.map((item) => (
        <li key={item.id}>
          <ItemSummary item={item} step={stepOf(item.stepId)} t={t2} showPrompt={false} />
        </li>
      ))}
    </ul>
  )
  return (
    <section className="parent-hears" data-testid="parent-hears" aria-label={t('screens:parentHears.title')}>
      <div className="parent-hears__head">
        {pictured && <img src={pictureUrl('family')} alt="" className="parent-hears__picture" />}
        <Prompt as="h2" text={t('screens:parentHears.title')} />
      </div>
      {groups.length === 0 && <Prompt text={t('screens:parentHears.none', { name })} />}
      {groups.map((g) => (
        <div key={g.parent} className="parent-hears__parent" data-parent={g.parent}>
          {g.begeleider.length > 0 && (
            <div className="parent-hears__level" data-testid="parent-hears-begeleider">
              <div className="parent-hears__line">
                {pictured && <ShareIcon level="begeleider-vertelt" size={32} />}
                <Prompt text={t(`screens:parentHears.begeleider.${g.parent}`, { name })} />
              </div>
              {list(g.begeleider)}
            </div>
          )}
          {g.zelf.length > 0 && (
            <div className="parent-hears__level" data-testid="parent-hears-zelf">
              <div className="parent-hears__line">
                {pictured && <ShareIcon level="zelf-vertellen" size={32} />}
                <Prompt text={t(`screens:parentHears.zelf.${g.parent}`)} />
              </div>
              {list(g.zelf)}
            </div>
          )}
        </div>
      ))}
      <Prompt text={t('screens:parentHears.rest', { name })} className="parent-hears__rest" />
    </section>
  )
}
