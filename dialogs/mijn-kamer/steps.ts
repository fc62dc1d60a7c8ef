import type { ToolInfo } from '../framework/tool'

const MOODS = ['happy', 'calm', 'question', 'tired', 'worry', 'sad', 'angry', 'scared', 'alone'] as const

/**
 * Room-of-my-own style: one step of modules the jongere picks from, in any order, as many as they
 * like. Prompts live in locales/<lng>/tool-mijn-kamer.json; see docs/tools/mijn-kamer.md.
 */
export const mijnKamerInfo: ToolInfo = {
  id: 'mijn-kamer',
  version: '1',
  ageBands: ['12-15', '16-18'],
  operator: 'kind',
  settings: ['begeleid', 'kamer'],
  namespace: 'tool-mijn-kamer',
  steps: [
    { id: 'intro', type: 'info', prompts: ['kiezen', 'privacy', 'schuld', 'honest'] },
    {
      id: 'modules',
      type: 'modules',
      prompts: ['hoe-gaat-het', 'school-werk', 'vrienden', 'thuis', 'veiligheid', 'toekomst', 'volgende-afspraak'],
      questions: {
        'hoe-gaat-het': [
          { id: 'stemming', answer: 'text', pictures: MOODS },
          { id: 'wat-speelt', answer: 'text' },
        ],
        'school-werk': [
          { id: 'hoe', answer: 'text' },
          { id: 'lastig', answer: 'text' },
          { id: 'trots', answer: 'text' },
        ],
        vrienden: [
          { id: 'contact', answer: 'text' },
          { id: 'mis', answer: 'text' },
          { id: 'vrije-tijd', answer: 'text' },
        ],
        thuis: [
          { id: 'hoe', answer: 'text' },
          { id: 'familie', answer: 'text' },
          { id: 'anders', answer: 'text' },
        ],
        veiligheid: [
          { id: 'zorgen', answer: 'text' },
          { id: 'goed', answer: 'text' },
          { id: 'nodig', answer: 'text' },
          { id: 'schaal', answer: 'scale' },
        ],
        toekomst: [
          { id: 'binnenkort', answer: 'text' },
          { id: 'later', answer: 'text' },
          { id: 'wie-helpt', answer: 'text' },
        ],
        'volgende-afspraak': [{ id: 'bespreken', answer: 'text' }],
      },
    },
    { id: 'delen', type: 'share' },
    { id: 'afsluiting', type: 'info', prompts: ['next', 'later'] },
  ],
}
