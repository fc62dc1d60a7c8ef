import type { ToolInfo } from '../framework/tool'

/**
 * Prompts live in locales/<lng>/tool-stoplicht.json under `<stepId>.*`; see docs/tools/stoplicht.md.
 * The subjects are the step's prompts; a child's own additions carry subject 'eigen' and their words.
 */
export const stoplichtInfo: ToolInfo = {
  id: 'stoplicht',
  version: '1',
  ageBands: ['4-7', '8-12'],
  operator: 'kind',
  settings: ['begeleid'],
  namespace: 'tool-stoplicht',
  steps: [
    { id: 'intro', type: 'info', prompts: ['kleuren', 'schuld', 'allebei', 'control', 'honest'] },
    {
      id: 'plekken',
      type: 'stoplicht',
      prompts: ['thuis-nu', 'opvang', 'school', 'slapen', 'ander-huis'],
      // A child in the shelter has one "here" (the opvang), a child at home no opvang (req 36 [000:381-387]).
      livingPrompts: {
        residentieel: ['opvang', 'school', 'slapen', 'ander-huis'],
        ambulant: ['thuis-nu', 'school', 'slapen', 'ander-huis'],
      },
      promptPictures: { 'thuis-nu': 'home', opvang: 'houses', school: 'school', slapen: 'bed', 'ander-huis': 'house' },
      pictures: ['home', 'school', 'sleep', 'family', 'friends', 'play', 'sport', 'travel', 'pet', 'alone'],
      followUps: ['groener'],
    },
    { id: 'schaal', type: 'scale', followUps: ['waarom-hier', 'stapje-hoger'] },
    {
      id: 'nodig',
      type: 'items',
      // What helps, and a strengths and a future prompt beside it (every script has them [000:790-798])
      prompts: ['helpt', 'trots', 'straks'],
      pictures: ['help', 'family', 'friends', 'calm', 'home', 'sleep', 'heart', 'pet', 'music', 'light'],
      followUps: ['wie-helpt'],
    },
    { id: 'delen', type: 'share' },
    { id: 'afsluiting', type: 'info', prompts: ['next', 'hulp', 'later'] },
  ],
}
