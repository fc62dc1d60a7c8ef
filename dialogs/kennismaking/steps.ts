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
    {
      id: 'intro',
      type: 'info',
      picture: 'happy',
      prompts: ['schuld', 'control', 'honest'],
      // For 4-7 one idea per screen, each with its own picture (client/kind/steps/InfoStep.tsx).
      promptPictures: { prompt: 'carer', schuld: 'heart', control: 'calm', honest: 'help' },
    },
    { id: 'begeleider', type: 'info', showsBegeleider: true },
    { id: 'slapen', type: 'items', pictures: ['bed', 'sleep', 'home', 'happy', 'calm', 'question', 'sad', 'scared'] },
    {
      id: 'spelen',
      type: 'items',
      pictures: ['play', 'build', 'draw', 'read', 'sport', 'music', 'friends', 'question'],
    },
    { id: 'school', type: 'items', pictures: ['school', 'friends', 'read', 'happy', 'worry', 'question'] },
    { id: 'veilig', type: 'info', picture: 'heart', prompts: ['zeg-het'] },
    { id: 'deze-week', type: 'info', picture: 'sun', prompts: ['vragen'] },
    { id: 'vraag', type: 'items', pictures: ['question', 'home', 'school', 'family', 'friends', 'pet'] },
    {
      id: 'huisdier',
      type: 'items',
      pictures: ['pet', 'home', 'family', 'question', 'sad', 'heart'],
      task: 'huisdier-opvang',
    },
    { id: 'delen', type: 'share' },
    { id: 'afsluiting', type: 'info', prompts: ['next', 'hulp', 'later'] },
  ],
}
