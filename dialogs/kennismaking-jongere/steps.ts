import type { ToolInfo } from '../framework/tool'

/**
 * The kennismaking (dialogs/kennismaking/steps.ts) in the adult register for 12-18: quiet cards, no cartoon pictures, and it
 * runs in the jongere's own kamer too (answers there start as "alleen ik", as in every kamer tool).
 */
export const kennismakingJongereInfo: ToolInfo = {
  id: 'kennismaking-jongere',
  version: '1',
  ageBands: ['12-15', '16-18'],
  operator: 'kind',
  settings: ['begeleid', 'kamer'],
  namespace: 'tool-kennismaking-jongere',
  steps: [
    { id: 'intro', kind: 'info', prompts: ['control', 'schuld', 'honest'] },
    { id: 'begeleider', kind: 'info', showsBegeleider: true },
    { id: 'wonen', kind: 'items' },
    { id: 'school', kind: 'items' },
    { id: 'veilig', kind: 'info', prompts: ['hulp'] },
    { id: 'deze-week', kind: 'items' },
    { id: 'vraag', kind: 'items' },
    { id: 'huisdier', kind: 'items', task: 'huisdier-opvang' },
    { id: 'delen', kind: 'share' },
    { id: 'afsluiting', kind: 'info', prompts: ['next', 'later'] },
  ],
}
