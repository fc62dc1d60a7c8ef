import QRCode from 'qrcode'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../dialogs/contract/languages'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { type TestServer } from '../helpers/server'
import { loginAndAddChild, startTool, toLastIdea, words } from './flow'

const docLang = (p: Page) => p.evaluate(() => [document.documentElement.lang, document.documentElement.dir])

/** A whole Drie huizen in one language at phone size; the begeleider follows in Dutch. */
async function drieHuizenIn(browser: Browser, server: TestServer, lng: string, nickname: string) {
  const c = words(lng, 'common')
  const dh = words(lng, 'tool-drie-huizen')
  const dhNl = words('nl', 'tool-drie-huizen')
  const begCtx = await browser.newContext({ viewport: LAPTOP })
  const kindCtx = await browser.newContext({ viewport: PHONE, hasTouch: true })
  const beg = await begCtx.newPage()
  const kind = await kindCtx.newPage()
  beg.setDefaultTimeout(10_000)
  kind.setDefaultTimeout(10_000)
  const nav = (name: string) => kind.locator('.kind-nav').getByRole('button', { name, exact: true })
  await loginAndAddChild(beg, server.url, nickname, '4-7')
  const { raw } = await startTool(beg, 'Drie huizen', lng)

  // The QR carries the language: it is exactly the QR of <origin>/kind?lang=<lng>#<code>.
  const link = `${server.url}/kind?lang=${lng}#${raw}`
  const src = await beg.locator('img.join-qr').getAttribute('src')
  const qr = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  expect(decodeURIComponent(src!.replace('data:image/svg+xml;utf8,', ''))).toBe(qr)

  // The child scans it: the first screen is in the gesprek's language, with lang and dir on the page.
  await kind.goto(link)
  await kind.getByRole('heading', { name: dh('intro.title') }).waitFor()
  const lang = LANGUAGES.find((l) => l.code === lng)!
  expect(await docLang(kind)).toEqual([lng, lang.dir])
  await shot(kind, `${lng}-kind-intro-phone`)
  // One idea per screen for 4-7: the no-blame line is one of them, in the gesprek's language.
  expect(await toLastIdea(kind)).toContain(dh('intro.fault'))
  await nav(c('nav.next')).click()

  await kind.getByRole('heading', { name: dh('huis-goed.title') }).waitFor()
  await kind.getByRole('button', { name: c('pictures.pet'), exact: true }).click()
  const answer = lng === 'ar' ? 'كلبي بو' : 'ከልበይ ቦ'
  await kind.getByPlaceholder(c('item.placeholder')).fill(answer)
  await kind.getByRole('button', { name: c('item.add') }).click()
  await kind.getByText(answer).waitFor()
  await shot(kind, `${lng}-kind-huis-goed-phone`)
  if (lng === 'ar') {
    // the mirrored layout at tablet and laptop size as well
    for (const [size, name] of [
      [TABLET, 'tablet'],
      [LAPTOP, 'laptop'],
    ] as const) {
      await kind.setViewportSize(size)
      await shot(kind, `ar-kind-huis-goed-${name}`)
    }
    await kind.setViewportSize(PHONE)
  }

  // The begeleider reads the answer as given, with the prompt in Dutch beside it and the picture's Dutch word.
  const live = beg.getByTestId('live-item').filter({ hasText: answer })
  await live.waitFor()
  await expect.poll(() => live.getByText(dhNl('huis-goed.prompt')).count()).toBe(1)
  await expect.poll(() => live.getByText(words('nl', 'common')('pictures.pet'), { exact: true }).count()).toBe(1)
  expect(await live.locator(`bdi.item-summary__text[lang="${lng}"]`).textContent()).toBe(answer)
  await shot(beg, `${lng}-begeleider-live-laptop`)

  await nav(c('nav.next')).click()
  await kind.getByRole('heading', { name: dh('huis-zorgen.title_jong') }).waitFor()
  await nav(c('nav.skip')).click()
  await kind.getByRole('heading', { name: dh('huis-dromen.title') }).waitFor()
  await kind.getByRole('button', { name: c('pictures.travel'), exact: true }).click()
  await kind.getByRole('button', { name: c('item.add') }).click()
  await shot(kind, `${lng}-kind-huis-dromen-phone`)
  await nav(c('nav.next')).click()
  await kind.getByRole('heading', { name: dh('sterktes.title') }).waitFor()
  await nav(c('nav.next')).click()
  await kind
    .getByRole('heading', { name: dh('delen.title') })
    .first()
    .waitFor()
  await shot(kind, `${lng}-kind-delen-phone`)
  await nav(c('nav.next')).click()
  await kind
    .getByRole('heading', { name: dh('afsluiting.title') })
    .first()
    .waitFor()
  await shot(kind, `${lng}-kind-afsluiting-phone`)
  expect(await docLang(kind)).toEqual([lng, lang.dir])
  await begCtx.close()
  await kindCtx.close()
}

describe.runIf(hasBrowser)('browser: languages', () => {
  const web = useBrowser({ server: { demo: true } })

  it('?lang= sets lang and dir; the picker shows every language in its own script and switches at once', async () => {
    const ctx = await web.context({ viewport: PHONE })
    const page = await ctx.newPage()
    await page.goto(`${web.server.url}/kind?lang=fa`)
    await page.getByRole('heading', { name: words('fa', 'common')('kind.welcome') }).waitFor()
    expect(await docLang(page)).toEqual(['fa', 'rtl'])
    // an unknown language is Dutch, said so on the page
    await page.goto(`${web.server.url}/kind?lang=xx`)
    await page.getByRole('heading', { name: 'Hoi!' }).waitFor()
    expect(await docLang(page)).toEqual(['nl', 'ltr'])

    await page.getByRole('button', { name: /Kies je taal/ }).click()
    for (const l of LANGUAGES) await page.getByRole('button', { name: l.name, exact: true }).waitFor()
    await shot(page, 'kind-join-picker-phone')
    await page.getByRole('button', { name: 'العربية', exact: true }).click()
    await page.getByRole('heading', { name: words('ar', 'common')('kind.welcome') }).waitFor()
    expect(await docLang(page)).toEqual(['ar', 'rtl'])
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ar')
    // the Arabic font is loaded and used: no boxes
    await expect.poll(() => page.evaluate(() => document.fonts.check('16px "Noto Sans Arabic"', 'ع'))).toBe(true)
    await shot(page, 'ar-kind-join-phone')
    // the same picker on the kamer entry
    await page.goto(`${web.server.url}/kamer?lang=uk`)
    expect(await docLang(page)).toEqual(['uk', 'ltr'])
    await page.getByRole('button', { name: 'Українська' }).click()
    await page.getByRole('button', { name: 'ትግርኛ', exact: true }).click()
    await expect.poll(() => docLang(page)).toEqual(['ti', 'ltr'])
    await shot(page, 'ti-kamer-entry-phone')
    await ctx.close()
  }, 60_000)

  it('an Arabic Drie huizen at phone size, from the QR to the end; the begeleider reads it in Dutch', async () => {
    await drieHuizenIn(web.browser, web.server, 'ar', 'Samira')
  }, 120_000)

  it('a Tigrinya Drie huizen at phone size, from the QR to the end', async () => {
    await drieHuizenIn(web.browser, web.server, 'ti', 'Selam')
  }, 120_000)
})
