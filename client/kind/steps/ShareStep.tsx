import { useTranslation } from 'react-i18next'
import type { ShareLevel } from '../../../dialogs/sharing'
import { ItemSummary } from '../../ui/ItemSummary'
import { Prompt } from '../../ui/ReadAloud'
import { ShareChoice } from '../../ui/ShareChoice'
import { registerT } from './register'
import type { StepProps } from './types'

/** The deelafspraak step: house by house, per item, the child picks who may know it. */
export function ShareStep({ view, step, tool, send, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand)
  const { t: tc } = useTranslation()
  const groups = tool.steps
    .filter((s) => s.kind !== 'info' && s.kind !== 'share')
    .map((s) => ({ step: s, items: view.items.filter((i) => i.stepId === s.id) }))
    .filter((g) => g.items.length > 0)
  const setLevel = (itemIds: string[], level: ShareLevel) => send({ type: 'share.set', itemIds, level })

  return (
    <section className="step step--share">
      <Prompt as="h1" text={t(`${step.id}.title`)} />
      <Prompt text={t(`${step.id}.prompt`)} />
      <Prompt text={tc('share.honest')} className="prompt--honest" />
      {groups.length === 0 && <p>{tc('share.nothing')}</p>}
      {groups.map(({ step: s, items }) => (
        <div key={s.id} className="share-group">
          <h2>{t(`${s.id}.title`)}</h2>
          {items.length > 1 && (
            <div className="share-group__all">
              <p>{tc('share.sameForHouse')}</p>
              <ShareChoice
                compact
                name={`${t(`${s.id}.title`)}: ${tc('share.sameForHouse')}`}
                value={items.every((i) => i.share === items[0]!.share) ? items[0]!.share : undefined}
                onChange={(level) =>
                  setLevel(
                    items.map((i) => i.id),
                    level,
                  )
                }
              />
            </div>
          )}
          <ul className="share-list">
            {items.map((item) => (
              <li key={item.id} className="share-item">
                <div className="share-item__what">
                  <ItemSummary item={item} step={s} t={t} />
                </div>
                <ShareChoice
                  name={item.text ?? item.person?.name ?? item.subject ?? item.pictures.join(', ')}
                  value={item.share}
                  onChange={(level) => setLevel([item.id], level)}
                />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
