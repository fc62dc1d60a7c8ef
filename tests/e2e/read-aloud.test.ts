import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, PHONE, shot } from '../helpers/browser'
import { toLastIdea, words } from './flow'

/**
 * The speech API is the one thing these tests stub (the brief allows it): a device with the given voices
 * that records every utterance, reports a word boundary at once, and ends only when the test says so.
 */
function stubSpeech(voiceLangs: string[]) {
  return `(() => {
    const spoken = []
    let current = null
    const voices = ${JSON.stringify(voiceLangs)}.map((lang) => ({ lang, name: 'stub ' + lang, default: false, localService: true, voiceURI: 'stub:' + lang }))
    const listeners = {}
    const stub = {
      getVoices: () => voices,
      speak(u) {
        current = u
        spoken.push({ text: u.text, lang: u.lang })
        u.onstart && u.onstart({})
        const i = u.text.indexOf(' ') + 1
        u.onboundary && u.onboundary({ name: 'word', charIndex: i, charLength: (u.text.slice(i).match(/^\\S+/) || [''])[0].length })
      },
      cancel() {
        const u = current
        current = null
        if (u) { window.__cancelled = (window.__cancelled || 0) + 1; u.onend && u.onend({}) }
      },
      addEventListener: (n, f) => { (listeners[n] = listeners[n] || []).push(f) },
      removeEventListener: () => {},
      speaking: false, pending: false, paused: false,
    }
    Object.defineProperty(window, 'speechSynthesis', { value: stub, configurable: true })
    window.__spoken = spoken
    window.__finish = () => { const u = current; current = null; u && u.onend && u.onend({}) }
  })()`
}

describe.runIf(hasBrowser)('browser: read-aloud with a stubbed speech API', () => {
  const web = useBrowser({ seeded: true })
  async function device(voices: string[]): Promise<Page> {
    const ctx = await web.context({ viewport: PHONE, hasTouch: true })
    await ctx.addInitScript(stubSpeech(voices))
    const page = await ctx.newPage()
    page.setDefaultTimeout(10_000)
    return page
  }
  const spoken = (p: Page) =>
    p.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken)

  it('speaks in the active language, shows it is speaking, marks the word, and stops', async () => {
    const p = await device(['nl-NL', 'ar-SA'])
    const ar = words('ar', 'common')
    await p.goto(`${web.server.url}/kind?lang=ar`)
    const text = ar('kind.enterCode')
    await p.getByRole('button', { name: `${ar('readAloud')}: ${text}` }).click()
    expect(await spoken(p)).toEqual([{ text, lang: 'ar-SA' }])
    const stop = p.getByRole('button', { name: ar('stopReading') })
    await stop.waitFor()
    expect(await stop.getAttribute('aria-pressed')).toBe('true')
    await p.locator('.prompt--speaking').waitFor()
    // the word being read is marked
    expect(await p.locator('.prompt--speaking mark.spoken-word').textContent()).toBe(
      text.slice(text.indexOf(' ') + 1).split(/\s/)[0],
    )
    await shot(p, 'ar-read-aloud-speaking-phone')
    await stop.click()
    await p.getByRole('button', { name: `${ar('readAloud')}: ${text}` }).waitFor()
    expect(await p.locator('.prompt--speaking').count()).toBe(0)
    expect(await p.evaluate(() => (window as unknown as { __cancelled: number }).__cancelled)).toBeGreaterThan(0)

    // the end of the text ends the speaking state by itself
    await p.getByRole('button', { name: `${ar('readAloud')}: ${text}` }).click()
    await p.evaluate(() => (window as unknown as { __finish: () => void }).__finish())
    await p.getByRole('button', { name: `${ar('readAloud')}: ${text}` }).waitFor()
  }, 60_000)

  it('with no voice for the language the button says so in that language, and never fails silently', async () => {
    const p = await device(['nl-NL', 'en-GB'])
    const ti = words('ti', 'common')
    await p.goto(`${web.server.url}/kind?lang=ti`)
    await p.getByRole('heading', { name: ti('kind.welcome') }).waitFor()
    const buttons = p.getByRole('button', { name: ti('readAloudNoVoice') })
    await expect.poll(() => buttons.count()).toBeGreaterThan(1)
    await buttons.first().click()
    await p
      .getByRole('status')
      .filter({ hasText: ti('readAloudNoVoice') })
      .waitFor()
    expect(await spoken(p)).toEqual([])
    await shot(p, 'ti-read-aloud-novoice-phone')
  }, 60_000)

  it('for 4-6 reads each prompt when it appears, only after someone switched it on', async () => {
    const child = await web.sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lina', ageBand: '4-7' })
    const g = await web.sanne.post<NewGesprekOut>('/api/gesprekken', {
      childId: (child.body as { id: string }).id,
      toolId: 'drie-huizen',
    })
    const code = (g.body as { join: { code: string } }).join.code.replace('-', '')
    const p = await device(['nl-NL'])
    const c = words('nl', 'common')
    const dh = words('nl', 'tool-drie-huizen')
    await p.goto(`${web.server.url}/kind#${code}`)
    await p.getByRole('heading', { name: dh('intro.title') }).waitFor()
    await toLastIdea(p)
    // nothing starts by itself
    expect(await spoken(p)).toEqual([])
    const toggle = p.getByRole('button', { name: c('autoReadOff') })
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    await toggle.click()
    await p.getByRole('button', { name: c('autoReadOn') }).waitFor()
    expect(await spoken(p)).toEqual([])
    await p
      .locator('.kind-nav')
      .getByRole('button', { name: c('nav.next'), exact: true })
      .click()
    await p.getByRole('heading', { name: dh('huis-goed.title') }).waitFor()
    await expect.poll(async () => (await spoken(p)).map((s) => s.text)).toEqual([dh('huis-goed.title')])
    // the next prompt follows when the first is done
    await p.evaluate(() => (window as unknown as { __finish: () => void }).__finish())
    await expect
      .poll(async () => (await spoken(p)).map((s) => s.text))
      .toEqual([dh('huis-goed.title'), dh('huis-goed.prompt_jong')])
    await shot(p, 'nl-auto-read-phone')
    // switched off: quiet again
    await p.getByRole('button', { name: c('autoReadOn') }).click()
    const before = (await spoken(p)).length
    await p
      .locator('.kind-nav')
      .getByRole('button', { name: c('nav.next'), exact: true })
      .click()
    await p.getByRole('heading', { name: dh('huis-zorgen.title_jong') }).waitFor()
    expect((await spoken(p)).length).toBe(before)
  }, 60_000)
})
