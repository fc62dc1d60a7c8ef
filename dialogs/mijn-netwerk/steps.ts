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
    { id: 'intro', kind: 'info', prompts: ['cirkels', 'iedereen', 'schuld', 'honest'] },
    { id: 'mensen', kind: 'netwerk' },
    {
      id: 'belangrijk',
      kind: 'items',
      pictures: ['family', 'friends', 'school', 'help', 'sport', 'pet', 'phone', 'heart'],
      followUps: ['hoe-merk-je', 'samen-doen'],
    },
    { id: 'delen', kind: 'share' },
    { id: 'afsluiting', kind: 'info', prompts: ['next', 'hulp', 'later'] },
  ],
}
