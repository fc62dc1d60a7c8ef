import { useTranslation } from 'react-i18next'
import { ReadAloud } from './ReadAloud'

const RUNGS = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0] as const

/**
 * A calm face for a place on the ladder, for children who cannot read the anchors: the mouth turns
 * from sad at 0 to happy at 10. One soft colour for every rung: no red or green verdict on a feeling.
 */
export function LadderFace({ n, size = 28 }: { n: number; size?: number }) {
  const mood = (n - 5) / 5
  const bend = mood * 4.5
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" className="ladder__face" data-n={n}>
      <circle cx="12" cy="12" r="10.5" fill="#f6e7b8" stroke="#b8923f" strokeWidth="1.5" />
      <circle cx="8.5" cy="9.5" r="1.4" fill="#5a4a2a" />
      <circle cx="15.5" cy="9.5" r="1.4" fill="#5a4a2a" />
      <path
        d={`M7.5 ${15.5 - bend / 2} Q12 ${15.5 + bend} 16.5 ${15.5 - bend / 2}`}
        fill="none"
        stroke="#5a4a2a"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </svg>
  )
}

/**
 * A 0-10 scale as a ladder (not numbers alone): the rungs up to the child's place fill like a
 * thermometer, the anchors stand at the top and the bottom, and every rung is a big button.
 */
export function Ladder({
  value,
  onChange,
  low,
  high,
  label,
  disabled = false,
  adult = false,
}: {
  value?: number
  onChange: (n: number) => void
  low: string
  high: string
  label: string
  disabled?: boolean
  /** From 12: the same ladder, worded without the child's "tree" (ui.md: adult register). */
  adult?: boolean
}) {
  const { t } = useTranslation('steps')
  return (
    <div className="ladder" role="group" aria-label={label}>
      <p className="ladder__anchor ladder__anchor--high">
        {!adult && <LadderFace n={10} size={40} />}
        <span>{high}</span> <ReadAloud text={high} small />
      </p>
      <div className="ladder__body">
        <svg className="ladder__rails" viewBox="0 0 100 440" preserveAspectRatio="none" aria-hidden="true">
          <rect x="6" y="0" width="10" height="440" rx="5" fill="#c9a46b" />
          <rect x="84" y="0" width="10" height="440" rx="5" fill="#c9a46b" />
        </svg>
        <ol className="ladder__rungs">
          {RUNGS.map((n) => {
            const filled = value !== undefined && n <= value
            return (
              <li key={n}>
                <button
                  type="button"
                  className={`ladder__rung${filled ? ' is-filled' : ''}${value === n ? ' is-chosen' : ''}`}
                  aria-pressed={value === n}
                  aria-label={t('steps:scale.rung', { n })}
                  disabled={disabled}
                  onClick={() => onChange(n)}
                >
                  <span className="ladder__mark">
                    {/* From 12 the ladder stays plain (ui.md: adult register); below, every rung has its face. */}
                    {!adult && <LadderFace n={n} />}
                    <span className="ladder__n">{n}</span>
                  </span>
                  {value === n && (
                    <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" className="ladder__me">
                      <circle cx="12" cy="7" r="4.5" fill="#3f6f7f" />
                      <path d="M4 22c0-5 3.5-8 8-8s8 3 8 8z" fill="#3f6f7f" />
                    </svg>
                  )}
                </button>
              </li>
            )
          })}
        </ol>
      </div>
      <p className="ladder__anchor ladder__anchor--low">
        {!adult && <LadderFace n={0} size={40} />}
        <span>{low}</span> <ReadAloud text={low} small />
      </p>
      <p className="ladder__status" aria-live="polite">
        {value === undefined
          ? t('steps:scale.choose')
          : t('steps:scale.chosen', { n: value, context: adult ? 'jongere' : undefined })}
      </p>
    </div>
  )
}
