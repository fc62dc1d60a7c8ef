import type { ToolInfo } from '../framework/tool'

/**
 * The fase-1 kennismaking with the child [000:603-613]: who your begeleider is, where you sleep and
 * play, school, that grown-ups look after your safety, what happens this week, your own question,
 * and the left-behind pet [002:1063-1074], whose shared answer gives the begeleider a task.
 * For 4-12: one idea per screen, each with a picture; every line is read aloud by the step screens.
 * Prompts live in locales/<lng>/tool-kennismaking.json; see docs/tools/kennismaking.md.
 */
export const kennismakingInfo: ToolInfo = {
  id: 'kennismaking',
  version: '1',
  ageBands: ['4-7', '8-12'],
  operator: 'kind',
  settings: ['begeleid'],
  namespace: 'tool-kennismaking',
  steps: [
    { id: 'intro', kind: 'info', picture: 'happy', prompts: ['schuld', 'control', 'honest'] },
    { id: 'begeleider', kind: 'info', showsBegeleider: true },
    { id: 'slapen', kind: 'items', pictures: ['bed', 'sleep', 'home', 'happy', 'calm', 'question', 'sad', 'scared'] },
    {
      id: 'spelen',
      kind: 'items',
      pictures: ['play', 'build', 'draw', 'read', 'sport', 'music', 'friends', 'question'],
    },
    { id: 'school', kind: 'items', pictures: ['school', 'friends', 'read', 'happy', 'worry', 'question'] },
    { id: 'veilig', kind: 'info', picture: 'heart', prompts: ['zeg-het'] },
    { id: 'deze-week', kind: 'info', picture: 'sun', prompts: ['vragen'] },
    { id: 'vraag', kind: 'items', pictures: ['question', 'home', 'school', 'family', 'friends', 'pet'] },
    {
      id: 'huisdier',
      kind: 'items',
      pictures: ['pet', 'home', 'family', 'question', 'sad', 'heart'],
      task: 'huisdier-opvang',
    },
    { id: 'delen', kind: 'share' },
    { id: 'afsluiting', kind: 'info', prompts: ['next', 'hulp', 'later'] },
  ],
}

/**
 * The same kennismaking in the adult register for 12-18: quiet cards, no cartoon pictures, and it
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
