import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { stopSpeaking } from './speech'
import { forgetVoices } from './voices'

/** Where quick exit goes: an ordinary, neutral site (GOV.UK's pattern uses a weather page). */
export const NEUTRAL_SITE = 'https://www.buienradar.nl/'

/**
 * Blank the page at once, forget everything in memory and in this tab's session storage, then
 * replace this page in history with a neutral site so Back does not return here: a shared phone keeps no trace (docs/kamer.md).
 */
export function quickExit(wipe?: () => void): void {
  document.title = 'Buienradar'
  document.body.innerHTML = ''
  document.body.style.background = '#fff'
  // Nothing goes on speaking over the blank page, and no recording stays behind in memory.
  stopSpeaking()
  forgetVoices()
  try {
    wipe?.()
  } finally {
    sessionStorage.clear()
    history.replaceState(null, '', '/')
    location.replace(NEUTRAL_SITE)
  }
}

/** The button, first in tab order, plus Shift pressed three times within two seconds. */
export function QuickExit({ wipe }: { wipe?: () => void }) {
  const { t } = useTranslation()
  const presses = useRef<number[]>([])
  const wipeRef = useRef(wipe)
  wipeRef.current = wipe

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Shift' || e.repeat) return
      const now = performance.now()
      presses.current = [...presses.current.filter((p) => now - p < 2000), now]
      if (presses.current.length >= 3) quickExit(wipeRef.current)
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])

  return (
    <button type="button" className="quick-exit" onClick={() => quickExit(wipeRef.current)} title={t('quickExitHint')}>
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path
          d="M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10"
          stroke="currentColor"
          strokeWidth="2"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span>{t('quickExit')}</span>
    </button>
  )
}
