import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { words } from './flow'

const afscheid = words('nl', 'tool-afscheid')
const ws = words('nl', 'workspace')

/**
 * The afscheid's contacts: the begeleider enters them on the child page before the farewell, the child
 * sees them in the contacts step and on its keepsake. And the jongere's afscheid has no cartoon pictures.
 */
describe.runIf(hasBrowser)('browser: the afscheid’s contacts, entered beforehand', () => {
  const web = useBrowser({ seeded: true })

  async function joinAfscheid(childId: string) {
    const g = (await web.sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'afscheid' })).body as {
      join: { code: string }
    }
    const ctx = await web.context({ viewport: PHONE, hasTouch: true })
    const page = await ctx.newPage()
    page.setDefaultTimeout(10_000)
    await web.join(page, g.join.code)
    return { page, ctx }
  }

  /** From the intro to the contacts step; the 4-7 intro turns its ideas first. */
  async function toContacts(page: Page) {
    await page.getByRole('heading', { name: afscheid('intro.title') }).waitFor()
    for (const next of ['terugkijken', 'afscheid', 'nieuwe-plek', 'overdracht', 'contacten']) {
      await page.locator('.kind-nav .btn--primary').click()
      await page
        .getByRole('heading', { name: afscheid(`${next}.title`) })
        .first()
        .waitFor()
    }
  }

  it('the begeleider fills the list in a few taps; the child sees it in the afscheid and on its keepsake', async () => {
    const lot = (
      await web.sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lot', ageBand: '8-12', phase: 3 })
    ).body.id
    await web.sanne.request('PUT', `/api/method/children/${lot}/overdracht`, {
      to: 'Karin, je nieuwe begeleider',
      on: '2026-12-10',
    })

    const begCtx = await web.context({ viewport: LAPTOP })
    const beg = await begCtx.newPage()
    beg.setDefaultTimeout(10_000)
    await web.login(beg)
    await beg.getByRole('link', { name: /Lot/ }).first().click()
    const form = beg.getByTestId('afscheid-contacts-form')
    await form.waitFor()
    // One tap each: the handover just recorded, and the Kindertelefoon with its number.
    await form.getByRole('button', { name: ws('method.phase.fromHandover') }).click()
    await form.getByRole('button', { name: ws('method.phase.addTalkLine') }).click()
    await form.getByRole('button', { name: ws('method.phase.addContact') }).click()
    const who = form.getByLabel(ws('method.phase.contactWho'))
    const numbers = form.getByLabel(ws('method.phase.contactNumber'))
    await expect.poll(() => who.count()).toBe(3)
    // A full name gets a gentle note: a first name or a role is enough.
    await who.nth(2).fill('Ria Jansen')
    await form.getByText(ws('method.phase.fullName')).waitFor()
    await who.nth(2).fill('Juf Ria, je nieuwe school')
    expect(await form.getByText(ws('method.phase.fullName')).count()).toBe(0)
    await numbers.nth(0).fill('06-12345678')
    await numbers.nth(2).fill('010-1234567')
    await form.getByRole('button', { name: ws('method.phase.saveContacts') }).click()
    await form.getByTestId('contacts-recorded').waitFor()
    await form.scrollIntoViewIfNeeded()
    await shot(beg, 'afscheid-contacts-form-laptop')
    await beg.setViewportSize(TABLET)
    await form.scrollIntoViewIfNeeded()
    await shot(beg, 'afscheid-contacts-form-tablet')
    await beg.setViewportSize(PHONE)
    // On a phone the method panel fits the screen: nothing pushes the page sideways.
    await expect.poll(() => beg.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await form.scrollIntoViewIfNeeded()
    await shot(beg, 'afscheid-contacts-form-phone')
    await begCtx.close()

    const { page, ctx } = await joinAfscheid(lot)
    await toContacts(page)
    const list = page.getByTestId('afscheid-contacts')
    await list.waitFor()
    await list.getByText(afscheid('contacten.list.intro', { name: 'Sanne' })).waitFor()
    expect(await list.locator('.contact-card').count()).toBe(3)
    expect(await list.textContent()).toContain('Karin, je nieuwe begeleider')
    expect(await list.getByRole('link', { name: '0800-0432' }).getAttribute('href')).toBe('tel:08000432')
    expect(await list.getByRole('link', { name: '06-12345678' }).count()).toBe(1)
    // The child can still add its own, under its own deelafspraak.
    expect(await page.locator('.composer').count()).toBe(1)
    await shot(page, 'afscheid-contacts-child-phone')
    await page.setViewportSize(TABLET)
    await shot(page, 'afscheid-contacts-child-tablet')
    await page.setViewportSize(LAPTOP)
    await shot(page, 'afscheid-contacts-child-laptop')
    await page.setViewportSize(PHONE)

    // On to the closing: the keepsake, printable on the child's own screen, carries the list.
    await page.locator('.kind-nav .btn--primary').click()
    await page
      .getByRole('heading', { name: afscheid('veilig-blijven.title') })
      .first()
      .waitFor()
    await page.locator('.kind-nav .btn--primary').click()
    await page
      .getByRole('heading', { name: afscheid('delen.title') })
      .first()
      .waitFor()
    await page.locator('.kind-nav .btn--primary').click()
    const keepsake = page.getByTestId('keepsake')
    await keepsake.waitFor()
    expect(await keepsake.locator('.contact-card').count()).toBe(3)
    await keepsake.scrollIntoViewIfNeeded()
    await shot(page, 'afscheid-contacts-keepsake-phone')
    await ctx.close()
  }, 180_000)

  it('a jongere’s afscheid answers in words, without cartoon pictures, and shows the list in the adult register', async () => {
    const sam = (
      await web.sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand: '16-18', phase: 3 })
    ).body.id
    await web.sanne.request('PUT', `/api/method/children/${sam}/contacten`, {
      contacts: [{ who: 'Wijkteam, Petra', number: '06-12345678', what: 'Als het thuis niet goed gaat' }],
    })
    const { page, ctx } = await joinAfscheid(sam)
    await page.getByRole('heading', { name: afscheid('intro.title') }).waitFor()
    await page.locator('.kind-nav .btn--primary').click()
    await page
      .getByRole('heading', { name: afscheid('terugkijken.title') })
      .first()
      .waitFor()
    // No cartoon pictures for 16-18: the answer is in words (the adult register).
    expect(await page.locator('main .picture-grid, main .picture-btn').count()).toBe(0)
    expect(await page.locator('main img').count()).toBe(0)
    await page.getByRole('textbox').first().waitFor()
    await shot(page, 'afscheid-jongere-terugkijken-phone')
    await page.setViewportSize(TABLET)
    await shot(page, 'afscheid-jongere-terugkijken-tablet')
    await page.setViewportSize(LAPTOP)
    await shot(page, 'afscheid-jongere-terugkijken-laptop')
    await page.setViewportSize(PHONE)
    for (const next of ['afscheid', 'nieuwe-plek', 'overdracht', 'contacten']) {
      await page.locator('.kind-nav .btn--primary').click()
      await page
        .getByRole('heading', { name: afscheid(`${next}.title`) })
        .first()
        .waitFor()
    }
    const list = page.getByTestId('afscheid-contacts')
    await list.getByText(afscheid('contacten.list.intro_jongere', { name: 'Sanne' })).waitFor()
    expect(await list.textContent()).toContain('Wijkteam, Petra: Als het thuis niet goed gaat')
    expect(await page.locator('main .picture-btn, main .contact-card__picture').count()).toBe(0)
    await shot(page, 'afscheid-jongere-contacts-phone')
    await ctx.close()
  }, 120_000)
})
