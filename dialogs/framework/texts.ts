import { LANGUAGE_CODES, SOURCE_LANGUAGE, type LangCode } from '../contract/languages'
import type { StepDoc, ToolProblem, ToolVersionDoc } from '../contract/tool-version'
import { buildToolMachine, type StepSpec } from './build'
import type { ToolInfo } from './tool'

/**
 * The texts of a tool as data: which keys a step list has, what each may hold, and the rules an
 * edited tool can never break (docs/decisions/0075-tool-versions-per-organisation.md). Pure: the
 * server enforces these at every save, publish and import; the editor shows the same answers early.
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
const ANSWER_KINDS = new Set(['items', 'stoplicht', 'scale', 'netwerk', 'modules', 'observe'])

/** Every text key a step list has, in reading order, with the place it is shown. */
export function textKeys(
  steps: readonly Pick<StepDoc, 'id' | 'kind' | 'prompts' | 'followUps'>[],
): [string, TextSlot][] {
  const out: [string, TextSlot][] = [['title', 'toolTitle']]
  for (const s of steps) out.push([`steps.${s.id}`, 'stepLabel'])
  for (const s of steps) {
    out.push([`${s.id}.title`, 'title'], [`${s.id}.prompt`, 'prompt'])
    if (s.kind === 'info') for (const p of s.prompts ?? []) out.push([`${s.id}.${p}`, 'line'])
    else for (const p of s.prompts ?? []) out.push([`${s.id}.prompts.${p}`, 'subPrompt'])
    for (const f of s.followUps ?? []) out.push([`${s.id}.followUps.${f}`, 'followUp'])
    if (s.kind === 'scale') out.push([`${s.id}.anchors.low`, 'anchor'], [`${s.id}.anchors.high`, 'anchor'])
    if (s.kind === 'stoplicht') out.push([`${s.id}.eigen`, 'subPrompt'], [`${s.id}.eigenHint`, 'line'])
  }
  return out
}

const length = (text: string) => [...text].length

/**
 * Texts are shown as text, never as HTML; still, nothing that looks like markup, a link scheme, an
 * i18next interpolation or nesting, a control character or a direction override gets in: a shared
 * file must not be able to make a screen say something the trainer did not write.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const MARKUP = /[<>]|\{\{|\}\}|\$t\(|javascript:|data:|[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/i
export const hasMarkup = (text: string) => MARKUP.test(text)

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

/**
 * The rules no edit may break. `publishing`: the source language must also be complete.
 * Returns every problem found (empty: fine), so the editor can show them all at once.
 */
export function checkDoc(doc: ToolVersionDoc, toolId: string, opts: { publishing: boolean }): ToolProblem[] {
  const problems: ToolProblem[] = []
  const steps = doc.steps
  if (doc.toolId !== toolId) problems.push({ rule: 'wrong_tool' })

  const ids = new Set<string>()
  for (const s of steps) {
    if (ids.has(s.id)) problems.push({ rule: 'duplicate_id', stepId: s.id })
    ids.add(s.id)
    for (const list of [s.prompts ?? [], s.followUps ?? []])
      if (new Set(list).size !== list.length) problems.push({ rule: 'duplicate_id', stepId: s.id })
    if (s.kind === 'stoplicht' && (s.prompts?.length ?? 0) === 0)
      problems.push({ rule: 'kind_needs_prompts', stepId: s.id })
  }

  const first = steps[0]
  if (!first || first.id !== INTRO_STEP || first.kind !== 'info') problems.push({ rule: 'needs_intro' })
  else if (!first.prompts?.includes(HONEST_LINE)) problems.push({ rule: 'needs_honest', stepId: INTRO_STEP })
  const last = steps.at(-1)
  if (!last || last.id !== CLOSING_STEP || last.kind !== 'info') problems.push({ rule: 'needs_closing' })

  const shares = steps.flatMap((s, i) => (s.kind === 'share' ? [i] : []))
  if (shares.length !== 1) problems.push({ rule: 'needs_sharing' })
  else {
    const after = steps.slice(shares[0]! + 1).find((s) => ANSWER_KINDS.has(s.kind))
    if (after) problems.push({ rule: 'sharing_after_answers', stepId: after.id })
  }

  const slots = new Map(textKeys(steps))
  for (const [lang, map] of Object.entries(doc.texts) as [LangCode, Record<string, string>][])
    for (const [key, text] of Object.entries(map)) {
      const slot = slots.get(key)
      if (hasMarkup(text)) problems.push({ rule: 'text_markup', key, lang })
      else if (slot && length(text) > TEXT_LIMITS[slot]) problems.push({ rule: 'text_too_long', key, lang })
    }

  if (opts.publishing) {
    const source = completeness(doc).find((c) => c.lang === SOURCE_LANGUAGE)!
    for (const key of source.missing) {
      problems.push(
        key === `${INTRO_STEP}.${HONEST_LINE}`
          ? { rule: 'needs_honest', key, lang: SOURCE_LANGUAGE }
          : { rule: 'source_incomplete', key, lang: SOURCE_LANGUAGE },
      )
    }
  }

  // The controls come from the framework, not from the document: still, the built machine is checked,
  // so a future field or builder change that loses pause, skip or stop on a step is refused here.
  if (problems.length === 0 && !controlsHold(toolId, steps)) problems.push({ rule: 'controls' })
  return problems
}

/** Every step of the built machine can be skipped, paused and stopped. */
export function controlsHold(toolId: string, steps: readonly StepSpec[]): boolean {
  const machine = buildToolMachine(toolId, 'check', steps)
  const actief = machine.root.states.actief
  if (!actief?.on['gesprek.pause'] || !actief.on['gesprek.stop']) return false
  return steps.every((s) => {
    const node = actief.states[s.id]
    return Boolean(node?.on['nav.skip']) && Boolean(node?.on['nav.next'])
  })
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
