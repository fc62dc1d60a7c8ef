import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { describe, expect, it } from 'vitest'
import type { GesprekCommand } from '../../dialogs/framework/events'
import { connected, emitAck, msgId, startGesprek } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

type Who = 'kind' | 'beg'
type Script = { toolId: string; ageBand: string; events: [Who, GesprekCommand][] }

const person = (name: string, circle: 1 | 2 | 3) => ({ name, category: 'familie' as const, circle, gives: [] })

/** A short real path per tool: answers, edits, a pause, a skip, a begeleider note and a sharing change. */
const SCRIPTS: Script[] = [
  {
    toolId: 'stoplicht',
    ageBand: '4-7',
    events: [
      ['kind', { type: 'nav.next' }],
      ['kind', { type: 'item.add', item: { id: 'item-sl-school', subject: 'school', colour: 'oranje' } }],
      ['kind', { type: 'item.update', itemId: 'item-sl-school', patch: { followUps: { groener: 'juf erbij' } } }],
      ['kind', { type: 'item.add', item: { id: 'item-sl-eigen1', subject: 'eigen', colour: 'groen', text: 'oma' } }],
      ['kind', { type: 'item.update', itemId: 'item-sl-school', patch: { colour: 'rood' } }],
      ['kind', { type: 'nav.next' }],
      ['kind', { type: 'item.add', item: { id: 'item-sl-schaal', scale: 4 } }],
      ['kind', { type: 'item.update', itemId: 'item-sl-schaal', patch: { scale: 6 } }],
      ['kind', { type: 'gesprek.pause' }],
      ['kind', { type: 'gesprek.resume' }],
      ['kind', { type: 'nav.skip' }],
      ['beg', { type: 'worry.mark', itemId: 'item-sl-school', on: true }],
      ['kind', { type: 'share.set', itemIds: ['item-sl-eigen1'], level: 'zelf-vertellen' }],
    ],
  },
  {
    toolId: 'mijn-netwerk',
    ageBand: '12-15',
    events: [
      ['kind', { type: 'nav.next' }],
      ['kind', { type: 'item.add', item: { id: 'item-nw-oma01', person: person('Oma', 1) } }],
      ['kind', { type: 'item.add', item: { id: 'item-nw-oom01', person: person('Oom', 3) } }],
      [
        'kind',
        {
          type: 'item.update',
          itemId: 'item-nw-oom01',
          patch: { person: { ...person('Oom', 3), safe: 'nee', contact: 'minder', mustNotKnow: true } },
        },
      ],
      ['kind', { type: 'item.remove', itemId: 'item-nw-oma01' }],
      ['kind', { type: 'nav.next' }],
      ['kind', { type: 'item.add', item: { id: 'item-nw-coach1', text: 'mijn coach', pictures: ['sport'] } }],
      ['beg', { type: 'note.add', note: { id: 'note-nw-0001', text: 'adres geheim houden', itemId: 'item-nw-oom01' } }],
      ['kind', { type: 'share.set', itemIds: ['item-nw-coach1'], level: 'begeleider-vertelt' }],
      // Stopping ends the child's device (issue 17): nothing after it comes from the tablet.
      ['kind', { type: 'gesprek.stop' }],
    ],
  },
  {
    toolId: 'mijn-kamer',
    ageBand: '16-18',
    events: [
      ['kind', { type: 'nav.next' }],
      [
        'kind',
        { type: 'item.add', item: { id: 'item-km-mood1', prompt: 'hoe-gaat-het.stemming', pictures: ['calm'] } },
      ],
      ['kind', { type: 'item.add', item: { id: 'item-km-veil1', prompt: 'veiligheid.schaal', scale: 5 } }],
      ['kind', { type: 'item.update', itemId: 'item-km-veil1', patch: { scale: 7 } }],
      [
        'kind',
        { type: 'item.add', item: { id: 'item-km-next1', prompt: 'volgende-afspraak.bespreken', text: 'school' } },
      ],
      ['kind', { type: 'nav.next' }],
      ['kind', { type: 'share.set', itemIds: ['item-km-mood1', 'item-km-next1'], level: 'alleen-ik' }],
      ['kind', { type: 'nav.next' }],
      ['kind', { type: 'nav.next' }],
    ],
  },
  {
    toolId: 'observatie',
    ageBand: '0-4',
    events: [
      ['beg', { type: 'nav.next' }],
      ['beg', { type: 'item.add', item: { id: 'item-ob-gez01', prompt: 'gezien', text: 'kruipt naar moeder' } }],
      ['beg', { type: 'item.add', item: { id: 'item-ob-goe01', prompt: 'gaat-goed', text: 'moeder troost' } }],
      ['beg', { type: 'nav.skip' }],
      ['beg', { type: 'item.add', item: { id: 'item-ob-zor01', prompt: 'zorgen', text: 'schrikt' } }],
      ['beg', { type: 'gesprek.pause' }],
      ['beg', { type: 'gesprek.resume' }],
      ['beg', { type: 'worry.mark', itemId: 'item-ob-zor01', on: true }],
      ['beg', { type: 'note.add', note: { id: 'note-ob-0001', text: 'bespreken met team' } }],
    ],
  },
  {
    toolId: 'drie-huizen',
    ageBand: '4-7',
    events: [
      ['kind', { type: 'nav.next' }],
      [
        'kind',
        {
          type: 'item.add',
          item: {
            id: 'item-dh-teken1',
            drawing: [
              [
                [10, 10],
                [500, 500],
              ],
            ],
          },
        },
      ],
      ['kind', { type: 'nav.next' }],
      ['kind', { type: 'item.add', item: { id: 'item-dh-zorg01', text: 'ruzie', pictures: ['fight'] } }],
      ['kind', { type: 'share.set', itemIds: ['item-dh-zorg01'], level: 'alleen-ik' }],
    ],
  },
]

describe('every tool runs end to end through the real server, and its log replays to its snapshot', () => {
  for (const script of SCRIPTS)
    it(`${script.toolId} (${script.ageBand})`, async () => {
      const { server, sanne: begeleider } = await startSeeded()
      const { gesprekId, token } = await startGesprek(server.url, begeleider, {
        toolId: script.toolId,
        ageBand: script.ageBand,
      })
      const beg = open(server.url, { cookie: begeleider.cookie })
      const kind = token ? open(server.url, { token }) : undefined
      await Promise.all([connected(beg), ...(kind ? [connected(kind)] : [])])
      let seq = 0
      for (const [who, event] of script.events) {
        const socket = who === 'kind' ? kind! : beg
        const ack = await emitAck(socket, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
        expect(ack, `${script.toolId}: ${event.type}`).toEqual({ ok: true, data: { seq: ++seq } })
      }
      const replayed = await server.host.replay(gesprekId)
      expect(replayed.seq).toBe(script.events.length)
      expect(replayed.persisted).toEqual(await server.host.storedSnapshot(gesprekId))
      // and the stored state is what a begeleider sees after a restart of the host's cache
      server.host.forget(gesprekId)
      const { view } = await server.host.view(gesprekId, 'begeleider')
      expect(view.toolId).toBe(script.toolId)
    })

  it('starts a tool only for its age bands; observatie has no child join code', async () => {
    const { sanne: begeleider } = await startSeeded()
    const baby = await begeleider.post<CaseloadChild>('/api/workspace/children', { nickname: 'Bo', ageBand: '0-4' })
    const childId = (baby.body as { id: string }).id
    for (const toolId of ['stoplicht', 'drie-huizen', 'mijn-netwerk', 'mijn-kamer'])
      expect((await begeleider.post<NewGesprekOut>('/api/gesprekken', { childId, toolId })).status, toolId).toBe(400)
    const obs = await begeleider.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'observatie' })
    expect(obs.status).toBe(201)
    expect((obs.body as { join: unknown }).join).toBeNull()
    const teen = await begeleider.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand: '16-18' })
    const teenId = (teen.body as { id: string }).id
    expect(
      (await begeleider.post<NewGesprekOut>('/api/gesprekken', { childId: teenId, toolId: 'stoplicht' })).status,
    ).toBe(400)
    expect(
      (await begeleider.post<NewGesprekOut>('/api/gesprekken', { childId: teenId, toolId: 'mijn-kamer' })).status,
    ).toBe(201)
  })
})
