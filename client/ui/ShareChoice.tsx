import { useTranslation } from 'react-i18next'
import { SHARE_LEVELS, type ShareLevel } from '../../dialogs/sharing'
import { ReadAloud } from './ReadAloud'
import { ShareIcon } from './ShareIcon'

/**
 * Four equal choices: same size, same colour, same order every time; none is marked as the
 * "right" one (docs/deelafspraak.md, "Screens"). The current choice is shown with a tick, not a brighter button.
 */
export function ShareChoice({
  value,
  onChange,
  name,
  compact = false,
  labels,
}: {
  value?: ShareLevel
  onChange: (l: ShareLevel) => void
  name: string
  compact?: boolean
  /** Words per level for the child's age band (docs/deelafspraak.md); the common words otherwise. */
  labels?: Record<ShareLevel, string>
}) {
  const { t } = useTranslation()
  const label = (level: ShareLevel) =>
    labels?.[level] ?? t(compact ? `share.levelShort.${level}` : `share.level.${level}`)
  return (
    <div
      className={compact ? 'share-choice share-choice--compact' : 'share-choice'}
      role="radiogroup"
      aria-label={name}
    >
      {SHARE_LEVELS.map((level) => (
        <div key={level} className="share-choice__option">
          <button
            type="button"
            role="radio"
            aria-checked={value === level}
            className={value === level ? 'share-btn is-chosen' : 'share-btn'}
            onClick={() => onChange(level)}
          >
            <ShareIcon level={level} size={compact ? 28 : 40} />
            <span>{label(level)}</span>
            {value === level && (
              <svg className="share-btn__tick" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
                <path d="M5 12l5 5 9-10" stroke="currentColor" strokeWidth="3" fill="none" strokeLinecap="round" />
              </svg>
            )}
          </button>
          {!compact && <ReadAloud text={label(level)} small />}
        </div>
      ))}
    </div>
  )
}
