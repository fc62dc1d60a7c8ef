import { SOURCE_LANGUAGE, type LangCode } from '../contract/languages'
import { LOCKED_STEP_TYPES, type StepDoc, type ToolProblem, type ToolVersionDoc } from '../contract/tool-version'
import {
  completeness,
  docKeys,
  isHonestKey,
  hasMarkup,
  HONEST_LINE,
  INTRO_STEP,
  CLOSING_STEP,
  length,
  nameKeys,
  TEXT_LIMITS,
  type VersionKeys,
} from './texts'

/**
 * The rules no edit of a tool can break (docs/decisions/0075-tool-versions-per-organisation.md). Pure:
 * the server enforces them at every save, publish and import; the editor shows the same answers early.
 */
const ANSWER_TYPES = new Set(['items', 'stoplicht', 'scale', 'netwerk', 'modules', 'observe'])

/**
 * A texts-only tool (ADR 0140): its steps are the built-in's and cannot change; its text keys are the
 * built-in namespace's. The kamer notes have no sharing step and no closing, so the step rules below
 * do not describe them; the lock keeps every such tool exactly as the framework built and tested it.
 */
export type TextsOnly = { steps: readonly StepDoc[]; keys: VersionKeys }

/** Two step lists are the same when they say the same, field by field, whatever the order of fields. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value
const sameStep = (a: StepDoc | undefined, b: StepDoc | undefined) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))

function lockedProblems(steps: readonly StepDoc[], locked: readonly StepDoc[]): ToolProblem[] {
  const builtin = new Set(locked.map((s) => s.id))
  for (let i = 0; i < Math.max(steps.length, locked.length); i++)
    if (!sameStep(steps[i], locked[i])) {
      // Where it differs: a step of its own added there, else the built-in's step that is missing, moved or changed.
      const here = steps[i]
      const added = here && !builtin.has(here.id) ? here : undefined
      return [{ rule: 'structure_locked', stepId: (added ?? locked[i] ?? here)!.id }]
    }
  return []
}

/**
 * The rules no edit may break. `publishing`: the source language must also be complete. `textsOnly`:
 * the tool's fixed steps and keys (ADR 0140). Returns every problem found (empty: fine), so the editor
 * can show them all at once.
 */
export function checkDoc(
  doc: ToolVersionDoc,
  toolId: string,
  opts: { publishing: boolean; textsOnly?: TextsOnly },
): ToolProblem[] {
  const problems: ToolProblem[] = []
  const steps = doc.steps
  if (doc.toolId !== toolId) problems.push({ rule: 'wrong_tool' })
  if (opts.textsOnly) problems.push(...lockedProblems(steps, opts.textsOnly.steps))
  else problems.push(...structureProblems(steps))
  problems.push(...textProblems(doc, opts.textsOnly?.keys))

  if (opts.publishing) {
    const source = completeness(doc, opts.textsOnly?.keys).find((c) => c.lang === SOURCE_LANGUAGE)!
    for (const key of source.missing) {
      problems.push(
        isHonestKey(key)
          ? { rule: 'needs_honest', key, lang: SOURCE_LANGUAGE }
          : { rule: 'source_incomplete', key, lang: SOURCE_LANGUAGE },
      )
    }
  }

  return problems
}

/** The step rules of a tool whose steps may be edited: intro with the honest line, one sharing step, closing. */
function structureProblems(steps: readonly StepDoc[]): ToolProblem[] {
  const problems: ToolProblem[] = []
  // The netwerk drawing and the modules exist only as their built-in has them.
  for (const s of steps)
    if ((LOCKED_STEP_TYPES as readonly string[]).includes(s.type) || s.questions)
      problems.push({ rule: 'structure_locked', stepId: s.id })

  const ids = new Set<string>()
  for (const s of steps) {
    if (ids.has(s.id)) problems.push({ rule: 'duplicate_id', stepId: s.id })
    ids.add(s.id)
    for (const list of [s.prompts ?? [], s.followUps ?? []])
      if (new Set(list).size !== list.length) problems.push({ rule: 'duplicate_id', stepId: s.id })
    if (s.type === 'stoplicht' && (s.prompts?.length ?? 0) === 0)
      problems.push({ rule: 'type_needs_prompts', stepId: s.id })
  }

  const first = steps[0]
  if (!first || first.id !== INTRO_STEP || first.type !== 'info') problems.push({ rule: 'needs_intro' })
  else if (!first.prompts?.includes(HONEST_LINE)) problems.push({ rule: 'needs_honest', stepId: INTRO_STEP })
  const last = steps.at(-1)
  if (!last || last.id !== CLOSING_STEP || last.type !== 'info') problems.push({ rule: 'needs_closing' })

  const shares = steps.flatMap((s, i) => (s.type === 'share' ? [i] : []))
  if (shares.length !== 1) problems.push({ rule: 'needs_sharing' })
  else {
    const after = steps.slice(shares[0]! + 1).find((s) => ANSWER_TYPES.has(s.type))
    if (after) problems.push({ rule: 'sharing_after_answers', stepId: after.id })
  }
  return problems
}

/** Every text: no markup, and within what its place on the screen shows. */
function textProblems(doc: ToolVersionDoc, fixed: VersionKeys | undefined): ToolProblem[] {
  const problems: ToolProblem[] = []
  const slots = new Map(docKeys(doc, fixed))
  const named = nameKeys(doc.steps)
  for (const [lang, map] of Object.entries(doc.texts) as [LangCode, Record<string, string>][])
    for (const [key, text] of Object.entries(map)) {
      const slot = slots.get(key)
      if (hasMarkup(text, { name: named.has(key) })) problems.push({ rule: 'text_markup', key, lang })
      else if (slot && length(text) > TEXT_LIMITS[slot]) problems.push({ rule: 'text_too_long', key, lang })
    }
  return problems
}
