import i18next from 'i18next'
import { useEffect, useSyncExternalStore } from 'react'
import { loadApiClient } from '../net/api'

/**
 * Recorded voices for the child's gesprek (docs/decisions/0080-recorded-voices.md): the organisation's
 * own recordings of its tool's texts, played before the device's speech synthesis. The gesprek names
 * which voices exist for its tool version in the chosen language; a text on screen finds its recording
 * by being the same words as the recorded key's text. Audio is fetched with the child's token and kept
 * in memory for this gesprek only: nothing in storage, nothing in the browser's cache (no-store).
 */
type Source = {
  gesprekId: string
  token: string
  namespace: string
  /**
   * The namespace that already holds this gesprek's own texts, when the screen fetched them itself (the
   * kamer, ADR 0145); otherwise the version the voices answer names picks the namespace.
   */
  textsIn?: string
}
type Voice = { key: string; etag: string }

let source: Source | null = null
/** Per language: the voices the server named, or 'loading'. */
const indexes = new Map<string, Voice[] | 'loading'>()
/** The audio already fetched, as object URLs, by address. */
const audio = new Map<string, Promise<string>>()
/** The object URLs made so far, so forgetting them needs no wait (quick exit leaves in the same event). */
const urls = new Set<string>()
let stamp = 0
const listeners = new Set<() => void>()
function changed() {
  stamp++
  byText = null
  for (const l of listeners) l()
}
function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** The tool version's namespace: the built-in texts, or an organisation's own version (ADR 0075). */
const namespaceOf = (namespace: string, version: number) => (version === 1 ? namespace : `${namespace}~v${version}`)

let versions = new Map<string, number>()
let byText: { lng: string; map: Map<string, Voice> } | null = null

/** Text on the screen → its recording, for the active language; rebuilt when texts or voices change. */
function lookup(text: string): Voice | null {
  if (!source) return null
  const lng = i18next.language
  if (!byText || byText.lng !== lng) {
    const map = new Map<string, Voice>()
    const list = indexes.get(lng)
    const version = versions.get(lng) ?? 1
    const ns = source.textsIn ?? namespaceOf(source.namespace, version)
    if (Array.isArray(list))
      for (const v of list) if (i18next.exists(v.key, { ns, lng })) map.set(i18next.t(v.key, { ns, lng }), v)
    byText = { lng, map }
  }
  return byText.map.get(text) ?? null
}

function load(lng: string) {
  const s = source
  if (!s || indexes.has(lng)) return
  indexes.set(lng, 'loading')
  loadApiClient()
    .then((c) => c.voices.ofGesprek(s.token, s.gesprekId, lng))
    .then((out) => {
      if (source !== s) return
      indexes.set(lng, out.voices)
      versions.set(lng, out.version)
      changed()
    })
    // No voices (offline, an old token): the device's voice and the begeleider read instead.
    .catch(() => {
      if (source !== s) return
      indexes.set(lng, [])
      changed()
    })
}

function clear() {
  stopRecorded()
  for (const u of urls) URL.revokeObjectURL(u)
  urls.clear()
  audio.clear()
  indexes.clear()
  versions = new Map()
  source = null
  changed()
}

/** The child's gesprek screen names its gesprek once; leaving it forgets every voice fetched. */
export function useGesprekVoices(s: Source): void {
  const { gesprekId, token, namespace, textsIn } = s
  useEffect(() => {
    source = { gesprekId, token, namespace, ...(textsIn ? { textsIn } : {}) }
    load(i18next.language)
    const onLanguage = (lng: string) => {
      load(lng)
      changed()
    }
    const onTexts = () => changed()
    i18next.on('languageChanged', onLanguage)
    i18next.on('loaded', onTexts)
    i18next.store.on('added', onTexts)
    return () => {
      i18next.off('languageChanged', onLanguage)
      i18next.off('loaded', onTexts)
      i18next.store.off('added', onTexts)
      clear()
    }
  }, [gesprekId, token, namespace, textsIn])
}

/** Quick exit: stop what plays and forget every recording fetched, at once (nothing waits for the page to go). */
export const forgetVoices = (): void => clear()

/** Whether this text, in the active language, has a recorded voice. */
export function useRecordedVoice(text: string): boolean {
  useSyncExternalStore(subscribe, () => stamp)
  return lookup(text) !== null
}
/** Whether the active language has any recorded voice (the "read each question" switch then makes sense). */
export function useAnyRecordedVoice(): boolean {
  useSyncExternalStore(subscribe, () => stamp)
  const list = indexes.get(i18next.language)
  return source !== null && Array.isArray(list) && list.length > 0
}
export const hasRecordedVoice = (text: string) => lookup(text) !== null

function fetchAudio(s: Source, lng: string, v: Voice): Promise<string> {
  const path = `/api/voices/gesprek/${encodeURIComponent(s.gesprekId)}/${lng}/${v.key}/${v.etag}`
  let hit = audio.get(path)
  if (!hit) {
    // Audio, not JSON: the recording comes down as a blob, so this stays a raw fetch.
    hit = fetch(path, { headers: { authorization: `Bearer ${s.token}` } }).then(async (res) => {
      if (!res.ok) throw new Error(`voice ${res.status}`)
      const blob = await res.blob()
      // The screen went (or quick exit ran) while this was on its way: nothing to keep.
      if (source !== s) throw new Error('voice no longer wanted')
      const url = URL.createObjectURL(blob)
      urls.add(url)
      return url
    })
    // A failed fetch is tried again next time, not remembered.
    hit.catch(() => audio.delete(path))
    audio.set(path, hit)
  }
  return hit
}

let playing: HTMLAudioElement | null = null
let playId = 0

/**
 * Plays the recording of `text`; `done` when it ends or is stopped, `failed` when it cannot play (the
 * caller then uses the device's voice or says calmly that there is none). Only after a tap: never by itself.
 */
export function playRecorded(text: string, on: { done: () => void; failed: () => void }): boolean {
  const v = lookup(text)
  const s = source
  if (!v || !s) return false
  stopRecorded()
  const id = ++playId
  fetchAudio(s, i18next.language, v)
    .then((url) => {
      if (id !== playId) return
      const el = new Audio(url)
      // Which recording this is, by its content hash (what a test's stubbed audio element reads).
      el.dataset.voice = v.etag
      playing = el
      el.onended = () => {
        if (id === playId) on.done()
      }
      el.onerror = () => {
        if (id === playId) on.failed()
      }
      return el.play()
    })
    .catch(() => {
      if (id === playId) on.failed()
    })
  return true
}

export function stopRecorded(): void {
  playId++
  if (playing) {
    playing.pause()
    playing.onended = null
    playing.onerror = null
    playing = null
  }
}
