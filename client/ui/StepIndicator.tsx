import { useTranslation } from 'react-i18next'

/** "Where am I and what comes next", same place on every screen (ui.md). */
export function StepIndicator({ index, count, labels }: { index: number; count: number; labels: string[] }) {
  const { t } = useTranslation()
  return (
    <nav className="steps" aria-label={t('step', { current: index + 1, count })}>
      <ol>
        {labels.map((label, i) => (
          <li
            key={i}
            className={i === index ? 'is-current' : i < index ? 'is-done' : ''}
            aria-current={i === index ? 'step' : undefined}
          >
            <span className="steps__dot" aria-hidden="true" />
            <span className="steps__label">{label}</span>
          </li>
        ))}
      </ol>
      {/* The step the child is on, by name: "Stap 2 van 7 · Huis van goede dingen". */}
      <p className="steps__text" data-testid="step-line">
        {t('step', { current: index + 1, count })}
        {labels[index] ? ` · ${labels[index]}` : ''}
      </p>
    </nav>
  )
}
