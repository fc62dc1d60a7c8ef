import type { ToolInfo } from '../framework/tool'

/**
 * Free notes in the jongere's kamer: one open page, no questions. Each note is an item, so it starts
 * as 'alleen ik' (setting 'kamer') and is shared, or taken back, like every other answer.
 * Prompts live in locales/<lng>/tool-kamer-notities.json; see docs/kamer.md.
 */
export const kamerNotitiesInfo: ToolInfo = {
  id: 'kamer-notities',
  version: '1',
  ageBands: ['12-15', '16-18'],
  operator: 'kind',
  settings: ['kamer'],
  namespace: 'tool-kamer-notities',
  steps: [
    { id: 'intro', type: 'info', prompts: ['schuld', 'honest'] },
    { id: 'notities', type: 'items' },
  ],
}
