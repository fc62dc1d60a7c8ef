import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readWhenShown, setAutoRead, speak, stopSpeaking, useAutoRead, useHasVoice, useSpeaking } from './speech'
import { useAnyRecordedVoice, useRecordedVoice } from './voices'

/**
 * A speaker button beside every prompt and choice: children of 4-6 cannot read. It plays the
 * organisation's recorded voice for the text when there is one, else the device's speech synthesis.
 * While its text is read it becomes a stop button; with neither it says so, calmly, in the child's
 * language, and asks the begeleider to read it (never a button that silently does nothing).
 */
export function ReadAloud({ text, small = false }: { text: string; small?: boolean }) {
  const { t } = useTranslation()
  const now = useSpeaking()
  const speaking = now.text === text
  const recorded = useRecordedVoice(text)
  const hasVoice = useHasVoice() || recorded
  const [noVoiceShown, setNoVoiceShown] = useState(false)
  useEffect(() => setNoVoiceShown(false), [text])
  // A recording that would not play on a device without a voice of its own: the calm note after all.
  const noteShown = noVoiceShown || (now.unheard === text && !speaking)
  const cls = [
    'read-aloud',
    small && 'read-aloud--small',
    speaking && 'read-aloud--speaking',
    !hasVoice && 'read-aloud--novoice',
  ]
    .filter(Boolean)
    .join(' ')
  const label = !hasVoice ? t('readAloudNoVoice') : speaking ? t('stopReading') : `${t('readAloud')}: ${text}`

  return (
    <span className="read-aloud-wrap">
      <button
        type="button"
        className={cls}
        data-voice={recorded ? 'recorded' : hasVoice ? 'device' : 'none'}
        aria-label={label}
        aria-pressed={hasVoice ? speaking : undefined}
        title={!hasVoice ? t('readAloudNoVoice') : speaking ? t('stopReading') : t('readAloud')}
        onClick={(e) => {
          e.stopPropagation()
          if (!hasVoice) setNoVoiceShown((s) => !s)
          else if (speaking) stopSpeaking()
          else {
            setNoVoiceShown(false)
            speak(text)
          }
        }}
      >
        {speaking ? (
          <svg viewBox="0 0 24 24" aria-hidden="true" width="24" height="24">
            <rect x="6" y="6" width="12" height="12" rx="2" fill="currentColor" />
          </svg>
        ) : (
          <svg viewBox="0 0 24 24" aria-hidden="true" width="24" height="24">
            <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
            {hasVoice ? (
              <path
                d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
                stroke="currentColor"
                strokeWidth="2"
                fill="none"
                strokeLinecap="round"
              />
            ) : (
              // A person beside the speaker: "someone reads this to you", not a red cross.
              <>
                <circle cx="18.5" cy="8" r="2.5" fill="currentColor" />
                <path d="M14.5 19a4 4 0 0 1 8 0" fill="currentColor" />
              </>
            )}
          </svg>
        )}
        {speaking && !small && <span className="read-aloud__label">{t('stopReading')}</span>}
      </button>
      {noteShown && (
        <span className="read-aloud__novoice" role="status">
          {t('readAloudNoVoice')}
        </span>
      )}
    </span>
  )
}

/** The text with the word being read marked, so a child can follow along. */
function Spoken({ text }: { text: string }) {
  const { text: now, word } = useSpeaking()
  if (now !== text || !word || word.end <= word.start) return <>{text}</>
  return (
    <>
      {text.slice(0, word.start)}
      <mark className="spoken-word">{text.slice(word.start, word.end)}</mark>
      {text.slice(word.end)}
    </>
  )
}

/** A prompt with its read-aloud button; read by itself only when "read each question" was switched on. */
export function Prompt({
  text,
  as: Tag = 'p',
  className,
}: {
  text: string
  as?: 'p' | 'h1' | 'h2'
  className?: string
}) {
  const speaking = useSpeaking().text === text
  useEffect(() => readWhenShown(text), [text])
  return (
    <div className={`prompt ${speaking ? 'prompt--speaking' : ''} ${className ?? ''}`}>
      <Tag>
        <Spoken text={text} />
      </Tag>
      <ReadAloud text={text} />
    </div>
  )
}

/** For 4-6: read every question when it appears. Off by default; sound only after someone chose it. */
export function AutoReadToggle() {
  const { t } = useTranslation()
  const on = useAutoRead()
  const device = useHasVoice()
  const recorded = useAnyRecordedVoice()
  const hasVoice = device || recorded
  if (!hasVoice) return null
  return (
    <button type="button" className="auto-read" aria-pressed={on} onClick={() => setAutoRead(!on)}>
      <svg viewBox="0 0 24 24" aria-hidden="true" width="22" height="22">
        <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
        <path d="M16 9.5l4 2.5-4 2.5z" fill="currentColor" />
      </svg>
      <span>{on ? t('autoReadOn') : t('autoReadOff')}</span>
    </button>
  )
}
