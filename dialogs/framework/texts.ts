import { LANGUAGE_CODES, type LangCode } from '../contract/languages'
import type { StepDoc, ToolVersionDoc } from '../contract/tool-version'
import type { ToolInfo } from './tool'

/**
 * The texts of a tool as data: which keys a step list has, what each may hold, which languages are
 * complete (docs/decisions/0075-tool-versions-per-organisation.md). Pure, and without xstate: the
 * child's screens read it. The rules an edit can never break are in tool-rules.ts.
 */

/** What a text is on screen; its limit is what that place shows without breaking the layout. */
export type TextSlot = 'toolTitle' | 'stepLabel' | 'title' | 'prompt' | 'line' | 'subPrompt' | 'followUp' | 'anchor'

/** Characters (code points), generous above the longest built-in text in any of the eight languages. */
export const TEXT_LIMITS: Record<TextSlot, number> = {
  toolTitle: 40,
  stepLabel: 32,
  title: 80,
  prompt: 400,
  line: 500,
  subPrompt: 100,
  followUp: 120,
  anchor: 60,
}

/** The intro's honest-limits line: never promised away, never shortened to a placeholder. */
export const HONEST_LINE = 'honest'
export const MIN_HONEST_LENGTH = 20
export const INTRO_STEP = 'intro'
export const CLOSING_STEP = 'afsluiting'

/** Every text key a step list has, in reading order, with the place it is shown. */
export function textKeys(
  steps: readonly Pick<StepDoc, 'id' | 'type' | 'prompts' | 'followUps' | 'showsContacts'>[],
): [string, TextSlot][] {
  const out: [string, TextSlot][] = [['title', 'toolTitle']]
  for (const s of steps) out.push([`steps.${s.id}`, 'stepLabel'])
  for (const s of steps) {
    out.push([`${s.id}.title`, 'title'], [`${s.id}.prompt`, 'prompt'])
    if (s.type === 'info') for (const p of s.prompts ?? []) out.push([`${s.id}.${p}`, 'line'])
    else for (const p of s.prompts ?? []) out.push([`${s.id}.prompts.${p}`, 'subPrompt'])
    for (const f of s.followUps ?? []) out.push([`${s.id}.followUps.${f}`, 'followUp'])
    if (s.type === 'scale') out.push([`${s.id}.anchors.low`, 'anchor'], [`${s.id}.anchors.high`, 'anchor'])
    if (s.type === 'stoplicht') out.push([`${s.id}.eigen`, 'subPrompt'], [`${s.id}.eigenHint`, 'line'])
    if (s.showsContacts) out.push([`${s.id}.list.title`, 'title'], [`${s.id}.list.intro`, 'line'])
  }
  return out
}

export const length = (text: string) => [...text].length

/**
 * Texts are shown as text, never as HTML; still, nothing that looks like markup, a link scheme, an
 * i18next interpolation or nesting, a control character or a direction override gets in: a shared
 * file must not be able to make a screen say something the trainer did not write.
 */
const MARKUP = /[<>]|\{\{|\}\}|\$t\(|javascript:|data:|[\u202a-\u202e]/i
/** Every control character (Unicode category Cc) but the newline between a text's lines. */
const CONTROL = /(?!\n)\p{Cc}/u
export const hasMarkup = (text: string, opts: { name?: boolean } = {}) => {
  const checked = opts.name ? text.replaceAll(NAME_PLACEHOLDER, '') : text
  return MARKUP.test(checked) || CONTROL.test(checked)
}

/**
 * The one placeholder a text may hold: the begeleider's name, exactly as the built-in kennismaking and
 * afscheid write it (ADR 0096). Only in the texts of an info step, whose screen fills it with the name
 * the begeleider gave (or "je begeleider"); any other `{{…}}`, a formatted or unescaped variant
 * (`{{name, uppercase}}`, `{{- name}}`) or nesting stays refused, so a text can never pull in a value
 * the trainer did not mean.
 */
export const NAME_PLACEHOLDER = '{{name}}'

/** The keys whose texts may say the begeleider's name: those an info step's screen shows. */
export function nameKeys(steps: readonly Pick<StepDoc, 'id' | 'type' | 'prompts' | 'showsContacts'>[]): Set<string> {
  const keys = new Set<string>()
  for (const s of steps.filter((x) => x.type === 'info'))
    for (const k of [`${s.id}.title`, `${s.id}.prompt`, ...(s.prompts ?? []).map((p) => `${s.id}.${p}`)]) keys.add(k)
  // The afscheid's contact list fills the name too (client/kind/steps/contacts.tsx).
  for (const s of steps.filter((x) => x.showsContacts)) keys.add(`${s.id}.list.intro`)
  return keys
}

/** Whether a text counts as written: the honest line must also be more than a placeholder. */
function written(key: string, text: string | undefined): boolean {
  if (!text?.trim()) return false
  if (key === `${INTRO_STEP}.${HONEST_LINE}`) return length(text.trim()) >= MIN_HONEST_LENGTH
  return true
}

/** Per language, the keys still without a text; a language is offered only when none is missing. */
export function completeness(doc: Pick<ToolVersionDoc, 'steps' | 'texts'>): { lang: LangCode; missing: string[] }[] {
  const keys = textKeys(doc.steps).map(([k]) => k)
  return LANGUAGE_CODES.map((lang) => ({ lang, missing: keys.filter((k) => !written(k, doc.texts[lang]?.[k])) }))
}

export const offeredLanguages = (doc: Pick<ToolVersionDoc, 'steps' | 'texts'>): LangCode[] =>
  completeness(doc)
    .filter((c) => c.missing.length === 0)
    .map((c) => c.lang)

/** Drops texts no step has any more (a removed prompt) and pictures of removed sub-prompts. */
export function pruneDoc(doc: ToolVersionDoc): ToolVersionDoc {
  const keys = new Set(textKeys(doc.steps).map(([k]) => k))
  const texts: ToolVersionDoc['texts'] = {}
  for (const [lang, map] of Object.entries(doc.texts) as [LangCode, Record<string, string>][]) {
    const kept = Object.fromEntries(Object.entries(map).filter(([k, v]) => keys.has(k) && v.trim() !== ''))
    if (Object.keys(kept).length > 0) texts[lang] = kept
  }
  const steps = doc.steps.map((s) => {
    if (!s.promptPictures) return s
    const pictures = Object.fromEntries(Object.entries(s.promptPictures).filter(([p]) => s.prompts?.includes(p)))
    return { ...s, promptPictures: pictures }
  })
  return { ...doc, steps, texts }
}

/** An organisation's version as a tool the framework runs: the built-in's settings with the version's steps. */
export function toolFromDoc(builtin: ToolInfo, doc: ToolVersionDoc, version: number): ToolInfo {
  return {
    ...builtin,
    version: orgVersionTag(version),
    steps: doc.steps,
    namespace: versionNamespace(builtin.id, version),
    // A published version is frozen: the built-in's snapshot migrations are not its own.
    migrations: undefined,
  }
}

/** `gesprekken.tool_version` of a gesprek on an organisation's version: never equal to a built-in's. */
export const orgVersionTag = (version: number) => `org-${version}`
/** The i18next namespace holding one version's texts on the client. */
export const versionNamespace = (toolId: string, version: number): `tool-${string}` => `tool-${toolId}~v${version}`

/** Flat keys to i18next's nested resources (`a.b.c` → `{ a: { b: { c } } }`). */
export function nestTexts(flat: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, text] of Object.entries(flat)) {
    const parts = key.split('.')
    let node = out
    for (const part of parts.slice(0, -1)) {
      const next = node[part]
      node = (typeof next === 'object' && next !== null ? next : (node[part] = {})) as Record<string, unknown>
    }
    node[parts.at(-1)!] = text
  }
  return out
}

/** i18next's nested resources to flat keys (strings only). */
export function flattenTexts(tree: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  if (typeof tree !== 'object' || tree === null) return out
  for (const [k, v] of Object.entries(tree as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out[key] = v
    else Object.assign(out, flattenTexts(v, key))
  }
  return out
}

/**
 * A new, stable id for a step, line, prompt or follow-up the editor adds: made once, never renamed
 * (its text keys, and any recording of them, hang on it). `random` is injectable for tests.
 */
export function newSlotId(stem: 'stap' | 'regel' | 'vraag' | 'door', taken: Iterable<string>, random = Math.random) {
  const used = new Set(taken)
  for (;;) {
    let tail = ''
    for (let i = 0; i < 6; i++) tail += Math.floor(random() * 36).toString(36)
    const id = `${stem}-${tail}`
    if (!used.has(id)) return id
  }
}
