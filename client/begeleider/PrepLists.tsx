import { THEMES, type PrepItem, type Theme } from '../../dialogs/contract/workspace'
import { ItemWords, ShareBadge, formatDay, stepTitle, useWorkspaceT } from './words'

/** Items grouped by theme in the fixed order of THEMES; each in the child's words with its sharing level. */
export function ThemedList({ items, showShare = true }: { items: PrepItem[]; showShare?: boolean }) {
  const { t, i18n } = useWorkspaceT()
  const groups = THEMES.map((theme) => [theme, items.filter((p) => p.theme === theme)] as [Theme, PrepItem[]]).filter(
    ([, list]) => list.length > 0,
  )
  if (groups.length === 0) return <p className="muted">{t('workspace:prep.empty')}</p>
  return (
    <div className="themed">
      {groups.map(([theme, list]) => (
        <section key={theme} className={`theme theme--${theme}`}>
          <h4 className="theme__title">{t(`workspace:prep.theme.${theme}`)}</h4>
          <ul className="prep-items">
            {list.map((p) => (
              <li key={`${p.gesprekId}:${p.item.id}`} className="prep-item" data-testid="prep-item">
                <ItemWords item={p.item} toolId={p.toolId} gesprekId={p.gesprekId} />
                {p.aboutOtherParent && (
                  <p className="prep-item__caution" data-testid="other-parent-caution">
                    {t('workspace:prep.aboutOtherParent')}
                  </p>
                )}
                <span className="prep-item__meta">
                  {showShare && <ShareBadge item={p.item} />}
                  <span className="muted">
                    {t(`common:tools.${p.toolId}`)} · {stepTitle(t, p.toolId, p.item.stepId, p.gesprekId)} ·{' '}
                    {formatDay(p.at, i18n.language)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
