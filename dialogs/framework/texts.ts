import { LANGUAGE_CODES, type LangCode } from '../contract/languages'
import type { StepDoc, TextSlot, ToolVersionDoc } from '../contract/tool-version'
import type { ToolInfo } from './tool'

export type { TextSlot } from '../contract/tool-version'

/**
 * The texts of a tool as data: which keys a step list has, what each may hold, which languages are
 * complete (docs/decisions/0075-tool-versions-per-organisation.md). Pure, and without xstate: the
 * child's screens read it. The rules an edit can never break are in tool-rules.ts.
 */

/** Characters (code points), generous above the longest built-in text in any of the eight languages. */
export const TEXT_LIMITS: Record<TextSlot, number> = {
  toolTitle: 40,
  stepLabel: 32,
  title: 80,
  prompt: 400,
  line: 500,
  subPrompt: 100,
  followUp: 120,
  // Mijn kamer's safety scale says a whole sentence at each end (59 characters in English).
  anchor: 80,
  // The kamer tools' own places (ADR 0140): a button under the modules, a module's explanation on its
  // card, a question above its answer field in a module.
  button: 40,
  moduleAbout: 400,
  question: 200,
}

/** The intro's honest-limits line: never promised away, never shortened to a placeholder. */
export const HONEST_LINE = 'honest'
export const MIN_HONEST_LENGTH = 20
export const INTRO_STEP = 'intro'
export const CLOSING_STEP = 'afsluiting'

/**
 * The tools whose versions change only their texts: those that run in the jongere's kamer (Mijn netwerk,
 * Mijn kamer, the kamer notes, the jongeren's kennismaking; ADR 0140). Their steps stay the built-in's
 * (`structure_locked`), and their text keys are the built-in namespace's, not derived from the steps.
 */
export const isTextsOnly = (tool: Pick<ToolInfo, 'settings'>): boolean => tool.settings.includes('kamer')

/** The adult register's variant of a key (`intro.title_jongere`, client/kind/steps/register.ts). */
export const ADULT_SUFFIX = '_jongere'
const plainKey = (key: string) => (key.endsWith(ADULT_SUFFIX) ? key.slice(0, -ADULT_SUFFIX.length) : key)

/** Where a key of a built-in namespace is shown, by its shape (a texts-only version's keys). */
export function slotOfKey(key: string): TextSlot {
  const parts = plainKey(key).split('.')
  if (parts.length === 1) return 'toolTitle'
  if (parts[0] === 'steps') return 'stepLabel'
  const [, second] = parts
  if (parts.length === 2) {
    if (second === 'title') return 'title'
    if (second === 'prompt') return 'prompt'
    if (second === 'back') return 'button'
    if (second === 'eigen') return 'subPrompt'
    return 'line'
  }
  if (second === 'prompts' || second === 'eigen') return 'subPrompt'
  if (second === 'followUps') return 'followUp'
  if (second === 'about') return 'moduleAbout'
  if (second === 'questions') return 'question'
  if (second === 'anchors') return 'anchor'
  if (second === 'list') return parts[2] === 'title' ? 'title' : 'line'
  return 'line'
}

/** The keys a version has, with where each is shown: a texts-only tool's fixed list, else from the steps. */
export type VersionKeys = readonly (readonly [string, TextSlot])[]
export const docKeys = (doc: Pick<ToolVersionDoc, 'steps'>, fixed?: VersionKeys): VersionKeys =>
  fixed ?? textKeys(doc.steps)

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

/**
 * The keys whose texts may say the begeleider's name: those an info step's screen shows (and their
 * adult-register variants, which the same screen shows from 12).
 */
export function nameKeys(steps: readonly Pick<StepDoc, 'id' | 'type' | 'prompts' | 'showsContacts'>[]): Set<string> {
  const keys = new Set<string>()
  for (const s of steps.filter((x) => x.type === 'info'))
    for (const k of [`${s.id}.title`, `${s.id}.prompt`, ...(s.prompts ?? []).map((p) => `${s.id}.${p}`)])
      keys.add(k).add(`${k}${ADULT_SUFFIX}`)
  // The afscheid's contact list fills the name too (client/kind/steps/contacts.tsx).
  for (const s of steps.filter((x) => x.showsContacts)) keys.add(`${s.id}.list.intro`)
  return keys
}

/** Whether a text counts as written: the honest line must also be more than a placeholder. */
function written(key: string, text: string | undefined): boolean {
  if (!text?.trim()) return false
  if (isHonestKey(key)) return length(text.trim()) >= MIN_HONEST_LENGTH
  return true
}

/** The intro's honest-limits line, in either register. */
export const isHonestKey = (key: string) => plainKey(key) === `${INTRO_STEP}.${HONEST_LINE}`

/**
 * Per language, the keys still without a text; a language is offered only when none is missing.
 * `fixed`: a texts-only tool's keys (the built-in namespace's, ADR 0140).
 */
export function completeness(
  doc: Pick<ToolVersionDoc, 'steps' | 'texts'>,
  fixed?: VersionKeys,
): { lang: LangCode; missing: string[] }[] {
  const keys = docKeys(doc, fixed).map(([k]) => k)
  return LANGUAGE_CODES.map((lang) => ({ lang, missing: keys.filter((k) => !written(k, doc.texts[lang]?.[k])) }))
}

export const offeredLanguages = (doc: Pick<ToolVersionDoc, 'steps' | 'texts'>, fixed?: VersionKeys): LangCode[] =>
  completeness(doc, fixed)
    .filter((c) => c.missing.length === 0)
    .map((c) => c.lang)

/** Drops texts no step has any more (a removed prompt, a key a texts-only tool does not have) and pictures of removed sub-prompts. */
export function pruneDoc(doc: ToolVersionDoc, fixed?: VersionKeys): ToolVersionDoc {
  const keys = new Set(docKeys(doc, fixed).map(([k]) => k))
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
    // A texts-only version runs the built-in's own steps (the document's equal them, `structure_locked`).
    steps: isTextsOnly(builtin) ? builtin.steps : doc.steps,
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
