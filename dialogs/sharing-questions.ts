import type { ShareLevel } from './contract/items'

/**
 * The youngest's deelafspraak as two questions (4-7, guided, done with the begeleider beside the child):
 * "Mag mama dit weten?", then one "who" question. After "ja": who tells it, the child or the begeleider.
 * After "nee": who may still see it, the child and the begeleider, or the child alone. The four levels
 * stay underneath, so the server enforces exactly what it enforces for every other age
 * (docs/deelafspraak.md); these questions only change how the choice is asked.
 */
export type ParentAnswer = 'ja' | 'nee'
/** The second question's answer: the child itself, or (also) the begeleider. */
export type WhoAnswer = 'kind' | 'begeleider'
export type YoungAnswers = { parent: ParentAnswer; who: WhoAnswer }

const LEVELS: Record<ParentAnswer, Record<WhoAnswer, ShareLevel>> = {
  ja: { kind: 'zelf-vertellen', begeleider: 'begeleider-vertelt' },
  nee: { kind: 'alleen-ik', begeleider: 'begeleider' },
}

export function levelFromAnswers(answers: YoungAnswers): ShareLevel {
  return LEVELS[answers.parent][answers.who]
}

/** The two answers a level stands for: to show a choice made earlier (or at another age) as answers. */
export function answersOf(level: ShareLevel): YoungAnswers {
  for (const parent of ['ja', 'nee'] as const)
    for (const who of ['kind', 'begeleider'] as const) if (LEVELS[parent][who] === level) return { parent, who }
  throw new Error(`unknown level ${level}`)
}
