import { SOURCE_LANGUAGE, type LangCode } from '../contract/languages'
import type { ToolProblem, ToolVersionDoc } from '../contract/tool-version'
import {
  completeness,
  hasMarkup,
  HONEST_LINE,
  INTRO_STEP,
  CLOSING_STEP,
  length,
  nameKeys,
  TEXT_LIMITS,
  textKeys,
} from './texts'

/**
 * The rules no edit of a tool can break (docs/decisions/0075-tool-versions-per-organisation.md). Pure:
 * the server enforces them at every save, publish and import; the editor shows the same answers early.
 */
const ANSWER_TYPES = new Set(['items', 'stoplicht', 'scale', 'netwerk', 'modules', 'observe'])

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

  const slots = new Map(textKeys(steps))
  const named = nameKeys(steps)
  for (const [lang, map] of Object.entries(doc.texts) as [LangCode, Record<string, string>][])
    for (const [key, text] of Object.entries(map)) {
      const slot = slots.get(key)
      if (hasMarkup(text, { name: named.has(key) })) problems.push({ rule: 'text_markup', key, lang })
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

  return problems
}
