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
    { id: 'intro', type: 'info', prompts: ['control', 'schuld', 'honest'] },
    { id: 'begeleider', type: 'info', showsBegeleider: true },
    { id: 'wonen', type: 'items' },
    { id: 'school', type: 'items' },
    { id: 'veilig', type: 'info', prompts: ['hulp'] },
    { id: 'deze-week', type: 'items' },
    { id: 'vraag', type: 'items' },
    { id: 'huisdier', type: 'items', task: 'huisdier-opvang' },
    { id: 'delen', type: 'share' },
    { id: 'afsluiting', type: 'info', prompts: ['next', 'later'] },
  ],
}
