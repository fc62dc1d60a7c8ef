import type { CaseloadChild } from '../../dialogs/contract/workspace'
import { describe, expect, it } from 'vitest'
import type { HistoryOut } from '../../dialogs/contract/workspace'
import { childDoes, next } from '../helpers/history-data'
import { fakeClock, HttpUser } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const DAY = 24 * 60 * 60_000

describe('history: the Drie huizen over weeks', () => {
  const { startSeeded } = useServers()

  it('shows what is in each house per gesprek, in time order, and only what reached the begeleider', async () => {
    const clock = fakeClock()
    const { server, sanne } = await startSeeded({ clock })
    const made = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Noor', ageBand: '8-12' })
    const childId = made.body.id
    const first = await childDoes(server, sanne, childId, 'drie-huizen', [
      next,
      { add: { pictures: ['pet'], text: 'Mijn hond Bo' } },
      { add: { text: 'CANARY-alleen-ik-1' }, share: 'alleen-ik' },
      next,
      { add: { pictures: ['scared'] }, share: 'begeleider-vertelt' },
      { add: { text: 'papa schreeuwt' } },
      next,
      { add: { pictures: ['home'], text: 'Een eigen huis' } },
    ])
    clock.advance(14 * DAY)
    // Moving the clock by days ends the session: a fresh login, like a new day.
    const later = await HttpUser.login(server.url, 'sanne')
    const second = await childDoes(server, later, childId, 'drie-huizen', [
      next,
      { add: { pictures: ['pet'] } },
      { add: { pictures: ['friends'], text: 'Voetbal met Ali' } },
      next,
      { add: { text: 'CANARY-alleen-ik-2' }, share: 'alleen-ik' },
      next,
    ])
    // Another tool is not a Drie huizen point.
    await childDoes(server, later, childId, 'stoplicht', [next, { add: { subject: 'school', colour: 'groen' } }])

    const res = await later.get(`/api/workspace/children/${childId}/history`)
    expect(res.status).toBe(200)
    const h = res.body as HistoryOut
    expect(JSON.stringify(h)).not.toContain('CANARY-alleen-ik')
    expect(h.drieHuizen.map((p) => p.gesprekId)).toEqual([first, second])
    const houses = (i: number) =>
      Object.fromEntries(
        h.drieHuizen[i]!.houses.map((x) => [x.stepId, x.things.map((t) => [t.pictures.join('+'), t.text ?? ''])]),
      )
    expect(houses(0)).toEqual({
      'huis-goed': [['pet', 'Mijn hond Bo']],
      'huis-zorgen': [
        ['scared', ''],
        ['', 'papa schreeuwt'],
      ],
      'huis-dromen': [['home', 'Een eigen huis']],
    })
    expect(houses(1)).toEqual({
      'huis-goed': [
        ['pet', ''],
        ['friends', 'Voetbal met Ali'],
      ],
      'huis-zorgen': [],
      'huis-dromen': [],
    })
    expect(h.drieHuizen[0]!.houses[1]!.things[0]!.share).toBe('begeleider-vertelt')
    expect(new Date(h.drieHuizen[1]!.at).getTime() - new Date(h.drieHuizen[0]!.at).getTime()).toBe(14 * DAY)
  })
})
