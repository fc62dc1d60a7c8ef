import type { ToolInfo } from '../framework/tool'

/** Prompts live in locales/<lng>/tool-drie-huizen.json under `<stepId>.*`; see docs/tools/drie-huizen.md. */
export const drieHuizenInfo: ToolInfo = {
  id: 'drie-huizen',
  version: '1',
  ageBands: ['4-7', '8-12'],
  operator: 'kind',
  settings: ['begeleid'],
  namespace: 'tool-drie-huizen',
  steps: [
    { id: 'intro', type: 'info', prompts: ['fault', 'control', 'honest'] },
    {
      id: 'huis-goed',
      type: 'items',
      pictures: ['family', 'friends', 'play', 'pet', 'food', 'school', 'music', 'sport', 'sun', 'heart'],
      followUps: ['wie-weet', 'wat-fijn'],
    },
    {
      id: 'huis-zorgen',
      type: 'items',
      pictures: ['sad', 'scared', 'angry', 'home', 'fight', 'school', 'sleep', 'alone', 'worry', 'rain'],
      followUps: ['wie-weet', 'wat-helpt'],
    },
    {
      id: 'huis-dromen',
      type: 'items',
      pictures: ['home', 'family', 'friends', 'school', 'play', 'pet', 'travel', 'star', 'sun', 'heart'],
      followUps: ['wie-helpt'],
    },
    {
      id: 'sterktes',
      type: 'items',
      prompts: ['goed-in', 'graag-doen'],
      pictures: ['sport', 'music', 'draw', 'read', 'play', 'help', 'laugh', 'build'],
    },
    { id: 'delen', type: 'share' },
    { id: 'afsluiting', type: 'info', prompts: ['next', 'hulp', 'later'] },
  ],
}
