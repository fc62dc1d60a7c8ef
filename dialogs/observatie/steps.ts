import type { StepSpec } from '../framework/build'
import type { ToolInfo } from '../framework/tool'

/** The six principles of a good pedagogical climate [000:1024-1046], one step each. */
export const PRINCIPLES = ['veiligheid', 'autonomie', 'structuur', 'uitleg', 'andere-kinderen', 'ouder-kind'] as const

/** Per principle: what was seen, what goes well, what worries. Never a score. */
export const OBSERVE_COLUMNS = ['gezien', 'gaat-goed', 'zorgen'] as const

const principle = (id: string): StepSpec => ({ id, type: 'observe', prompts: OBSERVE_COLUMNS })

/**
 * Begeleider-facing: there is no child chat under four. The begeleider operates the tool in the
 * workspace. Prompts in locales/<lng>/tool-observatie.json; rules in docs/tools/observatie.md.
 */
export const observatieInfo: ToolInfo = {
  id: 'observatie',
  version: '1',
  ageBands: ['0-4'],
  operator: 'begeleider',
  settings: ['begeleid'],
  namespace: 'tool-observatie',
  steps: [
    { id: 'intro', type: 'info', prompts: ['wanneer', 'wie', 'geen-scores'] },
    ...PRINCIPLES.map(principle),
    {
      id: 'met-ouder',
      type: 'observe',
      prompts: ['goed-vertellen', 'vragen', 'zorg-bespreken', 'afspraken'],
      // What the begeleider writes here is written for the parent: it is the observation summary
      // the oudergesprek shows (docs/tools/observatie.md). Raw observations stay at 'begeleider'.
      itemShare: 'begeleider-vertelt',
    },
    { id: 'afsluiting', type: 'info', prompts: ['next'] },
  ],
}
