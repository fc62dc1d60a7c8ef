import type { CitedItem } from '../../../dialogs/contract/plans'
import { formatDay, ItemWords, ShareBadge, stepTitle, useWorkspaceT } from '../words'

/** One cited answer in the child's words, with its level and whether it is also on the parent's sheet. */
export function Cited({ cited, children }: { cited: CitedItem; children?: React.ReactNode }) {
  const { t, i18n } = useWorkspaceT()
  return (
    <li className="cited" data-testid="cited">
      <ItemWords item={cited.item} toolId={cited.toolId} gesprekId={cited.gesprekId} compact />
      <span className="cited__meta">
        <ShareBadge item={cited.item} />
        <span className={cited.forParent ? 'cited__sheet' : 'cited__sheet cited__sheet--no'}>
          {t(cited.forParent ? 'workspace:plans.onSheet' : 'workspace:plans.notOnSheet')}
        </span>
        <span className="muted">
          {t(`common:tools.${cited.toolId}`)} · {stepTitle(t, cited.toolId, cited.item.stepId, cited.gesprekId)} ·{' '}
          {formatDay(cited.at, i18n.language)}
        </span>
      </span>
      {children}
    </li>
  )
}

export const citeKey = (c: { gesprekId: string; item?: { id: string }; itemId?: string }) =>
  `${c.gesprekId}:${c.item?.id ?? c.itemId}`

export const newPlanId = () => `p${Math.random().toString(36).slice(2, 12)}`

export const today = () => new Date().toISOString().slice(0, 10)
