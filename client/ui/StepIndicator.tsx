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
      <p className="steps__text">
        {t('step', { current: index + 1, count })}
        {labels[index + 1] ? ` · ${labels[index + 1]}` : ''}
      </p>
    </nav>
  )
}
