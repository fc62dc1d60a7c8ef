import type { Theme } from './contract/workspace'
import type { StepType } from './framework/items'

/**
 * Which oudergesprek theme an answer belongs to (docs/workspace.md lists the mapping and why).
 * Order of rules: an explicit step entry; the step's type; for steps that hold several modules
 * (Mijn kamer) the item's prompt; last, words in the step id, so a new tool's answers land somewhere
 * sensible before anyone adds them here. tests/dialogs/themes.test.ts checks that every item-holding
 * step of every catalogued tool is mapped explicitly or by type (not by guessing).
 */
export const THEME_BY_STEP: Readonly<Record<string, Theme>> = {
  'drie-huizen:huis-goed': 'goed',
  'drie-huizen:sterktes': 'goed',
  'drie-huizen:huis-zorgen': 'zorgen',
  'drie-huizen:huis-dromen': 'dromen',
  // "What do you need to feel safe" belongs with the safety talk, not with worries.
  'stoplicht:nodig': 'veiligheid',
  'mijn-netwerk:belangrijk': 'netwerk',
  // Modules are themed per prompt (below); notes in the kamer are free and stay "verder".
  'mijn-kamer:modules': 'overig',
  'kamer-notities:notities': 'overig',
  // The kennismaking: the child's first words about the new place are "verder"; a pet is one of the
  // child's own (a network category), whatever the begeleider must arrange for it (docs/tasks.md).
  'kennismaking:slapen': 'overig',
  'kennismaking:spelen': 'overig',
  'kennismaking:school': 'overig',
  'kennismaking:vraag': 'overig',
  'kennismaking:huisdier': 'netwerk',
  'kennismaking-jongere:wonen': 'overig',
  'kennismaking-jongere:school': 'overig',
  'kennismaking-jongere:deze-week': 'overig',
  'kennismaking-jongere:vraag': 'overig',
  'kennismaking-jongere:huisdier': 'netwerk',
  // The afscheid: looking back is what went well; contacts and who keeps watch are network and safety.
  'afscheid:terugkijken': 'goed',
  'afscheid:afscheid': 'overig',
  'afscheid:contacten': 'netwerk',
  'afscheid:veilig-blijven': 'veiligheid',
}

export const THEME_BY_TYPE: Readonly<Partial<Record<StepType, Theme>>> = {
  stoplicht: 'veiligheid',
  scale: 'veiligheid',
  netwerk: 'netwerk',
  observe: 'observatie',
}

const BY_WORD: readonly [RegExp, Theme][] = [
  [/veilig|stoplicht|schaal/, 'veiligheid'],
  [/netwerk|mensen|cirkel|vrienden/, 'netwerk'],
  [/zorg|moeilijk|lastig|bang/, 'zorgen'],
  [/droom|dromen|wens|toekomst/, 'dromen'],
  [/goed|sterk|fijn|trots|leuk/, 'goed'],
]
const byWord = (s: string): Theme | undefined => BY_WORD.find(([re]) => re.test(s))?.[1]

export function themeOf(toolId: string, stepId: string, type: StepType | undefined, prompt?: string): Theme {
  // A module answer ("veiligheid.zorgen", "toekomst.later") says its theme in its own prompt key.
  if (type === 'modules' && prompt) return byWord(prompt) ?? 'overig'
  const explicit = THEME_BY_STEP[`${toolId}:${stepId}`]
  if (explicit) return explicit
  const byType = type ? THEME_BY_TYPE[type] : undefined
  if (byType) return byType
  return byWord(stepId) ?? 'overig'
}
