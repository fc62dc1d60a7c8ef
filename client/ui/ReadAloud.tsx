import { useTranslation } from 'react-i18next'
import { speak } from './speech'

/** A speaker button beside every prompt and choice: children of 4-6 cannot read. */
export function ReadAloud({ text, small = false }: { text: string; small?: boolean }) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className={small ? 'read-aloud read-aloud--small' : 'read-aloud'}
      aria-label={`${t('readAloud')}: ${text}`}
      title={t('readAloud')}
      onClick={(e) => {
        e.stopPropagation()
        speak(text)
      }}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" width="24" height="24">
        <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
        <path
          d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
          stroke="currentColor"
          strokeWidth="2"
          fill="none"
          strokeLinecap="round"
        />
      </svg>
    </button>
  )
}

/** A prompt with its read-aloud button. */
export function Prompt({
  text,
  as: Tag = 'p',
  className,
}: {
  text: string
  as?: 'p' | 'h1' | 'h2'
  className?: string
}) {
  return (
    <div className={`prompt ${className ?? ''}`}>
      <Tag>{text}</Tag>
      <ReadAloud text={text} />
    </div>
  )
}
