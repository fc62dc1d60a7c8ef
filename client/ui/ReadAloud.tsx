import { createContext, useContext, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readWhenShown, setAutoRead, speak, stopSpeaking, useAutoRead, useHasVoice, useSpeaking } from './speech'
import { useAnyRecordedVoice, useRecordedVoice } from './voices'

/**
 * How the read-aloud buttons look: the child's round speaker, or the kamer's quiet "Voorlezen" for
 * jongeren (adult register, ADR 0145). The order of voices and the calm note are the same in both.
 */
export const ReadAloudLook = createContext<'child' | 'adult'>('child')

/**
 * A speaker button beside every prompt and choice: children of 4-6 cannot read. It plays the
 * organisation's recorded voice for the text when there is one, else the device's speech synthesis.
 * While its text is read it becomes a stop button; with neither it says so, calmly, in the child's
 * language, and asks the begeleider to read it (never a button that silently does nothing).
 */
export function ReadAloud({ text, small = false }: { text: string; small?: boolean }) {
  if (useContext(ReadAloudLook) === 'adult') return <ReadAloudQuiet text={text} small={small} />
  return <ReadAloudChild text={text} small={small} />
}

/** Which voice a text has now, and what a tap does: recorded first, then the device, else the calm note. */
function useReadAloud(text: string) {
  const now = useSpeaking()
  const speaking = now.text === text
  const recorded = useRecordedVoice(text)
  const hasVoice = useHasVoice() || recorded
  const [noVoiceShown, setNoVoiceShown] = useState(false)
  useEffect(() => setNoVoiceShown(false), [text])
  return {
    speaking,
    recorded,
    hasVoice,
    voice: recorded ? 'recorded' : hasVoice ? 'device' : 'none',
    // A recording that would not play on a device without a voice of its own: the calm note after all.
    noteShown: noVoiceShown || (now.unheard === text && !speaking),
    tap: () => {
      if (!hasVoice) setNoVoiceShown((s) => !s)
      else if (speaking) stopSpeaking()
      // The device's voice went between the render and the tap: the calm note, never a silent button.
      else setNoVoiceShown(!speak(text))
    },
  }
}

/**
 * The kamer's read-aloud: a small text button "Voorlezen" beside a prompt (an icon of the same quiet
 * kind beside a choice), 44 px high, never by itself. With no voice at all it says so in one calm line,
 * without sending the jongere to a begeleider who is not there.
 */
function ReadAloudQuiet({ text, small }: { text: string; small: boolean }) {
  const { t } = useTranslation('kamer')
  const r = useReadAloud(text)
  const label = r.speaking ? t('kamer:readAloud.stop') : t('kamer:readAloud.label')
  return (
    <span className="read-quiet-wrap">
      <button
        type="button"
        className={`read-quiet${small ? ' read-quiet--icon' : ''}${r.speaking ? ' is-speaking' : ''}`}
        data-voice={r.voice}
        aria-label={r.speaking ? label : `${label}: ${text}`}
        aria-pressed={r.hasVoice ? r.speaking : undefined}
        onClick={(e) => {
          e.stopPropagation()
          r.tap()
        }}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" width="18" height="18">
          {r.speaking ? (
            <rect x="7" y="7" width="10" height="10" rx="1.5" fill="currentColor" />
          ) : (
            <>
              <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
              <path d="M16 9a4 4 0 0 1 0 6" stroke="currentColor" strokeWidth="2" fill="none" strokeLinecap="round" />
            </>
          )}
        </svg>
        {!small && <span>{label}</span>}
      </button>
      {r.noteShown && (
        <span className="read-quiet__novoice" role="status">
          {t('kamer:readAloud.noVoice')}
        </span>
      )}
    </span>
  )
}

function ReadAloudChild({ text, small }: { text: string; small: boolean }) {
  const { t } = useTranslation()
  const { speaking, hasVoice, voice, noteShown, tap } = useReadAloud(text)
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
        data-voice={voice}
        aria-label={label}
        aria-pressed={hasVoice ? speaking : undefined}
        title={!hasVoice ? t('readAloudNoVoice') : speaking ? t('stopReading') : t('readAloud')}
        onClick={(e) => {
          e.stopPropagation()
          tap()
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
