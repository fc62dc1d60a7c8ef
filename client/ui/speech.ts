import i18next from 'i18next'
import { useSyncExternalStore } from 'react'
import { language, SOURCE_LANGUAGE } from '../../dialogs/contract/languages'
import { hasRecordedVoice, playRecorded, stopRecorded } from './voices'

/**
 * Read-aloud: the organisation's recorded voice first (./voices.ts), else the browser's own speech
 * synthesis (nothing is sent anywhere), else a calm "no voice" note; nothing plays by itself. One text
 * speaks at a time; every ReadAloud button watches this one small store to show its speaking state, its
 * stop, and the word being read.
 */
export type Speaking = {
  /** The text being read now, or null. */
  text: string | null
  /** The character range of the word being read (boundary events), when the voice reports it. */
  word: { start: number; end: number } | null
  /** A text that could not be heard just now (its recording failed and the device has no voice). */
  unheard?: string | null
}

let state: Speaking = { text: null, word: null }
const listeners = new Set<() => void>()
function set(next: Speaking) {
  state = next
  for (const l of listeners) l()
}
function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function useSpeaking(): Speaking {
  return useSyncExternalStore(subscribe, () => state)
}

/** The BCP 47 tag for the active language, from the one language table. */
export function speechTag(code: string = i18next.language): string {
  return (language(code) ?? language(SOURCE_LANGUAGE)!).speech
}

/** A voice on this device for the active language: same language, region when it matches. */
export function voiceFor(code: string = i18next.language): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in window)) return null
  const tag = speechTag(code).toLowerCase()
  const base = tag.split('-')[0]!
  const voices = window.speechSynthesis.getVoices()
  const norm = (v: SpeechSynthesisVoice) => v.lang.toLowerCase().replace('_', '-')
  return voices.find((v) => norm(v) === tag) ?? voices.find((v) => norm(v).split('-')[0] === base) ?? null
}

/** Voices arrive late on some browsers (voiceschanged): the hook re-reads when they do. */
export function useHasVoice(): boolean {
  const lng = i18next.language
  return useSyncExternalStore(
    (l) => {
      if (!('speechSynthesis' in window)) return () => {}
      window.speechSynthesis.addEventListener('voiceschanged', l)
      i18next.on('languageChanged', l)
      return () => {
        window.speechSynthesis.removeEventListener('voiceschanged', l)
        i18next.off('languageChanged', l)
      }
    },
    () => voiceFor(lng) !== null,
  )
}

/** Texts waiting to be read by the "read each question" option, in the order they appeared. */
let queue: string[] = []
let autoRead = false
const autoListeners = new Set<() => void>()

/** Off until the child or begeleider switches it on; kept in memory only, never on the device. */
export function setAutoRead(on: boolean): void {
  autoRead = on
  if (!on) stopSpeaking()
  for (const l of autoListeners) l()
}
export function useAutoRead(): boolean {
  return useSyncExternalStore(
    (l) => {
      autoListeners.add(l)
      return () => autoListeners.delete(l)
    },
    () => autoRead,
  )
}

/** A prompt that just appeared: read it when the option is on, after what is already waiting. */
export function readWhenShown(text: string): void {
  if (!autoRead || (!voiceFor() && !hasRecordedVoice(text))) return
  if (state.text === null && queue.length === 0) {
    say(text)
    return
  }
  if (state.text !== text && !queue.includes(text)) queue.push(text)
}

/** A button press: this text now, and nothing queued after it. */
export function speak(text: string): boolean {
  queue = []
  return say(text)
}

function say(text: string): boolean {
  if (hasRecordedVoice(text)) {
    if ('speechSynthesis' in window) window.speechSynthesis.cancel()
    const started = playRecorded(text, {
      done: () => finished(text),
      // The recording would not play (a codec this browser lacks, say): the device's voice, else the note.
      failed: () => {
        if (state.text !== text) return
        if (!synthesize(text)) set({ text: null, word: null, unheard: text })
      },
    })
    if (started) {
      set({ text, word: null })
      return true
    }
  }
  return synthesize(text)
}

/** What was read ended: the next waiting text, if any. */
function finished(text: string) {
  if (state.text !== text) return
  set({ text: null, word: null })
  const next = queue.shift()
  if (next) say(next)
}

function synthesize(text: string): boolean {
  const voice = voiceFor()
  if (!voice) return false
  stopRecorded()
  window.speechSynthesis.cancel()
  const u = new SpeechSynthesisUtterance(text)
  u.lang = voice.lang
  // A voice from another realm (a test's stub) cannot be assigned; the lang tag then picks it.
  if (typeof SpeechSynthesisVoice === 'undefined' || voice instanceof SpeechSynthesisVoice) u.voice = voice
  u.rate = 0.9
  u.onstart = () => set({ text, word: null })
  u.onboundary = (e) => {
    if (e.name && e.name !== 'word') return
    const start = e.charIndex
    const rest = text.slice(start).match(/^\S+/)
    set({ text, word: { start, end: start + (e.charLength || rest?.[0].length || 0) } })
  }
  u.onend = () => finished(text)
  u.onerror = () => finished(text)
  // Speaking shows at once: some voices start late and a child should see the button has heard them.
  set({ text, word: null })
  window.speechSynthesis.speak(u)
  return true
}

export function stopSpeaking(): void {
  queue = []
  stopRecorded()
  if ('speechSynthesis' in window) window.speechSynthesis.cancel()
  set({ text: null, word: null })
}

// A new language: what was being read is in the old one.
i18next.on('languageChanged', () => stopSpeaking())
