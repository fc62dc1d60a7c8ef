import { itemValidInStep, OWN_SUBJECT, type StepSpec } from '../../dialogs/framework/build'
import type { Item } from '../../dialogs/framework/items'

/**
 * An item that the step accepts, carrying `marker` in every free-text field a child can fill
 * (text, person name, follow-ups), so a leak of any field shows up as the marker in serialized output.
 * Candidates are tried in order against the machine's own validity rule; undefined when none fits.
 */
export function fittingItem(step: StepSpec, id: string, marker: string, others: readonly Item[] = []) {
  const prompts: (string | undefined)[] = [
    undefined,
    ...(step.prompts ?? []),
    ...Object.entries(step.questions ?? {}).flatMap(([sub, qs]) => qs.map((q) => `${sub}.${q.id}`)),
  ]
  const person = {
    name: marker.slice(0, 40),
    category: 'familie' as const,
    circle: 1 as const,
    gives: [],
    mustNotKnow: false,
  }
  for (const prompt of prompts) {
    const base = { id, text: marker, pictures: [] as string[], ...(prompt ? { prompt } : {}) }
    const candidates = [
      base,
      { ...base, scale: 3 },
      { ...base, subject: OWN_SUBJECT, colour: 'rood' as const },
      ...(step.prompts ?? []).map((subject) => ({ ...base, prompt: undefined, subject, colour: 'groen' as const })),
      { ...base, person },
    ].map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as typeof base)
    for (const c of candidates) if (itemValidInStep(step, c, () => others)) return c
  }
  return undefined
}
