import type { CaseloadChild } from '../../dialogs/contract/workspace'
import { beforeAll, describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot } from '../helpers/browser'

/**
 * The printed leaflet for parents: what kind-gesprekken are and why, before a parent gives consent.
 * Opened from the consent panel, in the parent's own language, and about nothing of this child.
 */
describe.runIf(hasBrowser)('browser: the leaflet for parents about kind-gesprekken', () => {
  const web = useBrowser({ seeded: true })
  let childId = ''

  beforeAll(async () => {
    const { sanne } = web
    childId = (
      await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Zoeblik', ageBand: '8-12', phase: 1 })
    ).body.id
  }, 90_000)

  it('opens from the consent panel, prints alone, speaks the parent’s language and says nothing of the child', async () => {
    const ctx = await web.context({ viewport: LAPTOP })
    const page = await ctx.newPage()
    page.setDefaultTimeout(10_000)
    await web.login(page)
    await page.getByRole('heading', { name: 'Mijn caseload' }).waitFor()
    await page.goto(`${web.server.url}/begeleider/kind/${childId}`)
    await page.getByTestId('consent').getByRole('link', { name: 'Folder voor ouders' }).click()

    const folder = page.getByTestId('ouderfolder')
    await folder.getByRole('heading', { level: 1, name: 'Gesprekken met uw kind' }).waitFor()
    // The purpose, the parent's own part and consent (the method: explaining the purpose helps parents agree).
    await folder.getByText(/uw kind bepaalt zelf wat u hoort/i).waitFor()
    await folder.getByText(/minstens één keer per week/i).waitFor()
    await folder.getByText(/ook de vader/i).waitFor()
    expect(await folder.textContent()).not.toContain('Zoeblik')
    await shot(page, 'ouderfolder-nl-laptop')
    await page.setViewportSize(PHONE)
    await shot(page, 'ouderfolder-nl-phone')
    await page.setViewportSize(LAPTOP)

    // In print the sheet stands alone: no toolbar, no language picker.
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByTestId('ouderfolder-toolbar').isVisible()).toBe(false)
    await page.emulateMedia({ media: 'screen' })

    // The parent's language: English, and Arabic right to left, while the workspace stays Dutch.
    const pick = page.getByLabel('Taal van de ouder')
    await pick.selectOption('en')
    await folder.getByRole('heading', { level: 1, name: 'Talks with your child' }).waitFor()
    expect(await folder.getAttribute('lang')).toBe('en')
    await pick.selectOption('ar')
    await expect.poll(() => folder.getAttribute('dir')).toBe('rtl')
    expect(await folder.getAttribute('lang')).toBe('ar')
    expect(await page.getByRole('button', { name: 'Afdrukken' }).count()).toBe(1)
    await shot(page, 'ouderfolder-ar-laptop')
    await page.setViewportSize(PHONE)
    await shot(page, 'ouderfolder-ar-phone')
    await ctx.close()
  }, 60_000)
})
