import type { ToolInfo } from '../framework/tool'

/**
 * Prompts live in locales/<lng>/tool-mijn-netwerk.json; keys ending in `_jongere` are the adult
 * register shown from 12 (client/kind/steps/register.ts). See docs/tools/mijn-netwerk.md.
 */
export const mijnNetwerkInfo: ToolInfo = {
  id: 'mijn-netwerk',
  version: '1',
  ageBands: ['8-12', '12-15', '16-18'],
  operator: 'kind',
  settings: ['begeleid', 'kamer'],
  namespace: 'tool-mijn-netwerk',
  steps: [
    { id: 'intro', type: 'info', prompts: ['cirkels', 'iedereen', 'schuld', 'honest'] },
    { id: 'mensen', type: 'netwerk' },
    {
      id: 'belangrijk',
      type: 'items',
      pictures: ['family', 'friends', 'school', 'help', 'sport', 'pet', 'phone', 'heart'],
      followUps: ['hoe-merk-je', 'samen-doen'],
    },
    { id: 'delen', type: 'share' },
    { id: 'afsluiting', type: 'info', prompts: ['next', 'hulp', 'later'] },
  ],
}
