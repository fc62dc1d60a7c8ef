import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'

/** Issue 4: the child takes an answer back and it leaves the begeleider's screen within a second. */
describe.runIf(hasBrowser)('browser: the deelafspraak, live in two contexts', () => {
  const web = useBrowser({ seeded: true })

  it('unsharing removes the item from the begeleider’s live screen; the panel opens from any step', async () => {
    const { sanne } = web
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Noor', ageBand: '8-12' })
    const childId = (child.body as { id: string }).id
    const started = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'drie-huizen' })
    const { gesprek, join } = started.body as { gesprek: { id: string }; join: { code: string } }

    const begCtx = await web.context({ viewport: LAPTOP })
    const [name, value] = sanne.cookie.split('=') as [string, string]
    await begCtx.addCookies([{ name, value, url: web.server.url }])
    const kindCtx = await web.context({ viewport: TABLET, hasTouch: true })
    const beg = await begCtx.newPage()
    const kind = await kindCtx.newPage()
    beg.setDefaultTimeout(8000)
    kind.setDefaultTimeout(8000)

    await beg.goto(`${web.server.url}/begeleider/gesprek/${gesprek.id}`)
    await web.join(kind, join.code)
    await kind.getByRole('heading', { name: 'We gaan drie huizen vullen' }).waitFor()
    await kind.getByRole('button', { name: /Verder/ }).click()
    await kind.getByRole('heading', { name: 'Huis van goede dingen' }).waitFor()
    for (const text of ['Mijn hond Bo', 'Voetballen met Sem']) {
      await kind.getByPlaceholder(/Typ het hier/).fill(text)
      await kind.getByRole('button', { name: 'Zet erin' }).click()
      await beg.getByText(text).first().waitFor({ timeout: 2000 })
    }

    // From the middle of a step, the child opens "Wie mag het weten?": one by one for under-12s.
    await kind.getByTestId('open-sharing').click()
    const panel = kind.getByRole('dialog')
    await panel.getByText('Mijn hond Bo').waitFor()
    await expect.poll(() => panel.getByRole('radio').count()).toBe(4)
    // No choice is dressed up as the better one: four radios, one look, and none ticked before the
    // child picks one (the starting level is said as a state beside them, not shown as a choice).
    const classes = await panel.getByRole('radio').evaluateAll((els: HTMLElement[]) => els.map((e) => e.className))
    expect(classes.filter((c) => c === 'share-btn')).toHaveLength(4)
    await panel.getByTestId('not-chosen').waitFor()
    await shot(kind, 'deelafspraak-een-voor-een-tablet')

    const t0 = Date.now()
    await panel.getByRole('radio', { name: /Alleen ik/ }).click()
    // Gone from everywhere on the begeleider's page (the answer list and any picker that names it).
    await expect.poll(() => beg.getByText('Mijn hond Bo').count(), { timeout: 1000, interval: 25 }).toBe(0)
    const took = Date.now() - t0
    expect(took).toBeLessThan(1000)
    // The other answer is still there: only the one the child took back went.
    await beg.getByText('Voetballen met Sem').first().waitFor()
    await expect.poll(() => panel.getByRole('radio', { name: /Alleen ik/ }).getAttribute('aria-checked')).toBe('true')

    // All at once, with "the same for everything in this house".
    await panel.getByRole('button', { name: 'Alles tegelijk' }).click()
    await panel.getByText('Hetzelfde voor alles in “Huis van goede dingen”').waitFor()
    await shot(kind, 'deelafspraak-alles-tablet')
    await panel
      .getByRole('radiogroup', { name: /Hetzelfde voor alles/ })
      .getByRole('radio', { name: /Alleen ik/ })
      .click()
    await expect.poll(() => beg.getByText('Voetballen met Sem').count(), { timeout: 1000, interval: 25 }).toBe(0)

    // The receipt: grouped by person and day (name and role once), what they did, without content.
    await panel.getByRole('tab', { name: 'Wie heeft gekeken?' }).click()
    const group = panel.getByTestId('receipt-group').first()
    await group.waitFor()
    expect(await group.textContent()).toContain('Sanne, begeleider')
    expect(await group.getByTestId('receipt-entry').first().textContent()).toMatch(/Heeft meegekeken met/)
    expect(await panel.getByTestId('receipt').textContent()).not.toContain('Mijn hond Bo')
    await shot(kind, 'deelafspraak-bon-tablet')

    await kind.setViewportSize(PHONE)
    await panel.getByRole('tab', { name: 'Wie mag het weten?' }).click()
    await shot(kind, 'deelafspraak-phone')
    await panel.getByText('Wat betekenen de keuzes?').click()
    await panel.getByText(/Je begeleider mag het zien, en soms een collega/).waitFor()
    await shot(kind, 'deelafspraak-uitleg-phone')

    // Closing the panel returns to the same step, with the answers still there for the child.
    await panel.getByRole('button', { name: /Terug naar het gesprek/ }).click()
    await kind.getByRole('heading', { name: 'Huis van goede dingen' }).waitFor()
    await kind.getByText('Mijn hond Bo').first().waitFor()
    await shot(kind, 'deelafspraak-stap-met-knop-phone')

    // Sharing again brings it back to the begeleider.
    await kind.getByTestId('open-sharing').click()
    await kind
      .getByRole('dialog')
      .getByRole('radio', { name: /Mijn begeleider/ })
      .click()
    await beg.getByText('Mijn hond Bo').first().waitFor({ timeout: 1000 })
    await begCtx.close()
    await kindCtx.close()
  }, 120_000)
})
