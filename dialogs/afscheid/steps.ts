import type { ToolInfo } from '../framework/tool'

/**
 * The fase-3 afscheid with the child [000:820-844]: looking back, saying goodbye to the shelter, what
 * changes, the warm handover to whoever helps next (told to the child [000:1239-1243]), the names and
 * numbers of new contacts (written down together, for older children above all [000:840-844]) and who
 * keeps an eye on the child's safety afterwards. One tool for 4-18: the jongere's register is the
 * `_jongere` wording. The phase logic and the handover record are the workspace's (server/method).
 * Prompts live in locales/<lng>/tool-afscheid.json; see docs/tools/afscheid.md.
 */
export const afscheidInfo: ToolInfo = {
  id: 'afscheid',
  version: '1',
  ageBands: ['4-7', '8-12', '12-15', '16-18'],
  operator: 'kind',
  settings: ['begeleid'],
  namespace: 'tool-afscheid',
  steps: [
    {
      id: 'intro',
      type: 'info',
      picture: 'star',
      prompts: ['schuld', 'control', 'honest'],
      promptPictures: { prompt: 'house', schuld: 'heart', control: 'calm', honest: 'help' },
    },
    {
      id: 'terugkijken',
      type: 'items',
      pictures: ['happy', 'friends', 'play', 'heart', 'sun', 'laugh', 'sad', 'question'],
    },
    { id: 'afscheid', type: 'items', pictures: ['friends', 'carer', 'family', 'heart', 'draw', 'star'] },
    { id: 'nieuwe-plek', type: 'info', picture: 'house', prompts: ['gevoel'] },
    { id: 'overdracht', type: 'info', showsBegeleider: true, prompts: ['wat'] },
    { id: 'contacten', type: 'items', showsContacts: true, pictures: ['phone', 'carer', 'family', 'school', 'help'] },
    { id: 'veilig-blijven', type: 'items', pictures: ['help', 'phone', 'family', 'carer', 'home', 'heart'] },
    { id: 'delen', type: 'share' },
    { id: 'afsluiting', type: 'info', prompts: ['next', 'hulp', 'later'] },
  ],
}
