import type { CaseloadChild } from '../../dialogs/contract/workspace'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { childDoes, next, person } from '../helpers/history-data'
import { fakeClock, HttpUser, PASSWORD } from '../helpers/server'
import { useServers } from '../helpers/use-servers'
import { outsideTheirRing } from './rings'

const DAY = 24 * 60 * 60_000
const SIZES = { phone: PHONE, tablet: TABLET, laptop: LAPTOP } as const

/** The begeleider's history of one child, in Chromium: the Drie huizen over weeks, the network picture. */
describe.runIf(hasBrowser)('browser: the history’s pictures', () => {
  const web = useBrowser()
  const { startSeeded } = useServers()

  it('shows the Drie huizen per gesprek, and every person of the network inside their own ring', async () => {
    const clock = fakeClock()
    const { server, sanne } = await startSeeded({ clock })
    const childId = (await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Noor', ageBand: '8-12' }))
      .body.id
    await childDoes(server, sanne, childId, 'drie-huizen', [
      next,
      { add: { pictures: ['pet'], text: 'Mijn hond Bo' } },
      { add: { text: 'PRIVATE-kept-to-myself' }, share: 'alleen-ik' },
      next,
      { add: { pictures: ['scared'] } },
      { add: { pictures: ['fight'], text: 'ruzie thuis' } },
      next,
      { add: { pictures: ['home'] } },
    ])
    clock.advance(14 * DAY)
    let beg = await HttpUser.login(server.url, 'sanne')
    await childDoes(server, beg, childId, 'drie-huizen', [
      next,
      { add: { pictures: ['pet'] } },
      { add: { pictures: ['friends'], text: 'Voetbal met Ali' } },
      { add: { pictures: ['school'] } },
      next,
      { add: { pictures: ['sad'] } },
      next,
    ])
    clock.advance(7 * DAY)
    beg = await HttpUser.login(server.url, 'sanne')
    // Long names on every ring, some on the sides of the picture, where a name runs across the ring.
    const names = ['Oma Fatima', 'Meester Kees', 'Tante Soraya', 'Bobbie', 'Coach Jan-Willem', 'Buurvrouw Els']
    await childDoes(server, beg, childId, 'mijn-netwerk', [
      next,
      ...names.map((n) => person(n, 1)),
      ...names.map((n) => person(`${n} 2`, 2)),
      ...names.map((n, i) => person(`${n} 3`, 3, i === 2 ? { mustNotKnow: true } : {})),
    ])

    const ctx = await web.context({ viewport: LAPTOP })
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(`${server.url}/begeleider`)
    await page.getByLabel('Gebruikersnaam').fill('sanne')
    await page.getByLabel('Wachtwoord').fill(PASSWORD)
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.getByRole('heading', { name: /Mijn/ }).first().waitFor()
    await page.goto(`${server.url}/begeleider/kind/${childId}/geschiedenis`)

    const huizen = page.locator('section', { has: page.getByRole('heading', { name: 'Drie huizen per gesprek' }) })
    await huizen.locator('.plot__house').first().waitFor()
    // Two gesprekken × three houses, each with what reached the begeleider (the kept one is not counted).
    const counts = await huizen
      .locator('.plot__house')
      .evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-house')}=${g.getAttribute('data-count')}`))
    expect(counts).toEqual([
      'huis-goed=1',
      'huis-goed=3',
      'huis-zorgen=2',
      'huis-zorgen=1',
      'huis-dromen=1',
      'huis-dromen=0',
    ])
    await huizen.getByText('In woorden').click()
    await huizen.getByText('huisdier “Mijn hond Bo”').waitFor()
    await huizen.getByText('ruzie “ruzie thuis”').waitFor()
    expect(await page.content()).not.toContain('PRIVATE-kept-to-myself')

    for (const [label, size] of Object.entries(SIZES)) {
      await page.setViewportSize(size)
      await page.locator('.plot__person').first().waitFor()
      const outside = await outsideTheirRing(page, '.netwerk svg', '.plot__person')
      expect(outside, label).toEqual([])
      expect(await page.locator('.plot__person').count()).toBe(18)
      await page.evaluate(() => window.scrollTo(0, 0))
      await shot(page, `history-${label}`)
    }
    await ctx.close()
  }, 120_000)
})
