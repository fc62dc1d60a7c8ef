import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, SCREENSHOTS, shot, TABLET } from '../helpers/browser'
import { mp3, oggOpus } from '../helpers/audio'
import { PASSWORD } from '../helpers/server'
import { words } from './flow'

/**
 * The speech API and the audio element are the only stubs (the brief allows them): a device with the
 * given voices that records every utterance, and an audio element that records what it was asked to
 * play (the size of the recording behind its blob: address) and ends when the test says so.
 */
function stubs(voiceLangs: string[]) {
  return `(() => {
    const spoken = []
    const voices = ${JSON.stringify(voiceLangs)}.map((lang) => ({ lang, name: 'stub ' + lang, default: false, localService: true, voiceURI: 'stub:' + lang }))
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
      getVoices: () => voices,
      speak(u) { spoken.push({ text: u.text, lang: u.lang }); u.onstart && u.onstart({}) },
      cancel() {}, addEventListener() {}, removeEventListener() {},
      speaking: false, pending: false, paused: false,
    } })
    window.__spoken = spoken
    const played = []
    let current = null
    HTMLMediaElement.prototype.play = function () {
      current = this
      played.push(this.src.startsWith('blob:') ? this.dataset.voice : 'not from memory: ' + this.src)
      return Promise.resolve()
    }
    HTMLMediaElement.prototype.pause = function () {}
    window.__played = played
    window.__ended = () => { const a = current; current = null; a && a.onended && a.onended(new Event('ended')) }
  })()`
}

describe.runIf(hasBrowser)('browser: recorded voices first, then the device, then the calm note', () => {
  // A real microphone is not on a test machine: Chromium's own fake device feeds MediaRecorder.
  const web = useBrowser({
    seeded: true,
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
    ],
  })
  const tiVoice = oggOpus(2)
  const nlVoice = oggOpus(3)
  const etags: Record<string, string> = {}

  beforeAll(async () => {
    for (const [lang, bytes] of [
      ['ti', tiVoice],
      ['nl', nlVoice],
    ] as const) {
      const res = await fetch(`${web.server.url}/api/voices/tools/stoplicht/1/${lang}/intro.title`, {
        method: 'PUT',
        headers: { cookie: web.sanne.cookie, 'content-type': 'audio/ogg' },
        body: Buffer.from(bytes),
      })
      expect(res.status).toBe(201)
      etags[lang] = ((await res.json()) as { etag: string }).etag
    }
  }, 90_000)
  async function child(voices: string[], lang: string, viewport = PHONE): Promise<Page> {
    const made = await web.sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lina', ageBand: '4-7' })
    const g = await web.sanne.post<NewGesprekOut>('/api/gesprekken', {
      childId: (made.body as { id: string }).id,
      toolId: 'stoplicht',
    })
    const code = (g.body as { join: { code: string } }).join.code.replace('-', '')
    const ctx = await web.context({ viewport, hasTouch: true })
    await ctx.addInitScript(stubs(voices))
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(`${web.server.url}/kind?lang=${lang}#${code}`)
    return page
  }
  const played = (p: Page) => p.evaluate(() => (window as unknown as { __played: string[] }).__played)
  const spoken = (p: Page) => p.evaluate(() => (window as unknown as { __spoken: { text: string }[] }).__spoken)

  it('a recorded prompt plays the recording, not speech synthesis, even where the device has a voice', async () => {
    const p = await child(['nl-NL'], 'nl')
    const c = words('nl', 'common')
    const sl = words('nl', 'tool-stoplicht')
    await p.getByRole('heading', { name: sl('intro.title') }).waitFor()
    const title = p.getByRole('button', { name: `${c('readAloud')}: ${sl('intro.title')}` })
    await expect.poll(() => title.getAttribute('data-voice')).toBe('recorded')
    // Nothing plays by itself.
    expect(await played(p)).toEqual([])
    await title.click()
    await expect.poll(() => played(p)).toEqual([etags.nl])
    expect(await spoken(p)).toEqual([])
    await p
      .getByRole('button', { name: c('stopReading') })
      .first()
      .waitFor()
    await p.evaluate(() => (window as unknown as { __ended: () => void }).__ended())
    await title.waitFor()
    // A text without a recording: the device's voice.
    await p.getByRole('button', { name: `${c('readAloud')}: ${sl('intro.prompt')}` }).click()
    await expect.poll(async () => (await spoken(p)).map((s) => s.text)).toEqual([sl('intro.prompt')])
    expect(await played(p)).toEqual([etags.nl])
  }, 90_000)

  it('Tigrinya with no device voice: the recording where there is one, the calm note where there is none', async () => {
    const p = await child(['nl-NL'], 'ti')
    const ti = words('ti', 'common')
    const sl = words('ti', 'tool-stoplicht')
    await p.getByRole('heading', { name: sl('intro.title') }).waitFor()
    const title = p.getByRole('button', { name: `${ti('readAloud')}: ${sl('intro.title')}` })
    await title.waitFor()
    await shot(p, 'voices-ti-recorded-phone')
    await title.click()
    await expect.poll(() => played(p)).toEqual([etags.ti])
    expect(await spoken(p)).toEqual([])
    await p.evaluate(() => (window as unknown as { __ended: () => void }).__ended())
    // The prompt has no recording and the device no Tigrinya voice.
    const none = p.getByRole('button', { name: ti('readAloudNoVoice') }).first()
    await none.click()
    await p
      .getByRole('status')
      .filter({ hasText: ti('readAloudNoVoice') })
      .first()
      .waitFor()
    expect(await played(p)).toEqual([etags.ti])
    expect(await spoken(p)).toEqual([])
    await shot(p, 'voices-ti-novoice-phone')
    for (const [size, name] of [
      [TABLET, 'tablet'],
      [LAPTOP, 'laptop'],
    ] as const) {
      await p.setViewportSize(size)
      await shot(p, `voices-ti-recorded-${name}`)
    }
  }, 90_000)

  async function recorderPage(viewport = PHONE): Promise<Page> {
    const ctx = await web.context({ viewport, permissions: ['microphone'] })
    const page = await ctx.newPage()
    page.setDefaultTimeout(20_000)
    await page.goto(`${web.server.url}/begeleider`)
    await page.getByLabel(/gebruikersnaam/i).fill('sanne')
    await page.getByLabel(/wachtwoord/i).fill(PASSWORD)
    await page.getByRole('button', { name: /inloggen/i }).click()
    const w = words('nl', 'workspace')
    await page.getByRole('link', { name: w('voices.link') }).click()
    await page.getByRole('heading', { name: w('voices.title') }).waitFor()
    return page
  }

  it('the recording page: lists texts per language, records with the microphone, uploads a file, refuses a wrong one', async () => {
    const p = await recorderPage()
    const w = words('nl', 'workspace')
    const e = words('nl', 'errors')
    await p.getByRole('button', { name: /ትግርኛ/ }).click()
    await expect.poll(() => p.getByRole('button', { name: /ትግርኛ/ }).textContent()).toMatch(/1 van \d+ opgenomen/)
    const row = (key: string) => p.locator(`li.voice[data-key="${key}"]`)
    await expect.poll(() => row('intro.title').getAttribute('class')).toContain('voice--recorded')

    // Recording with the (fake) microphone: record, stop, listen, save.
    await row('intro.prompt')
      .getByRole('button', { name: w('voices.record'), exact: true })
      .click()
    await row('intro.prompt').getByRole('status').waitFor()
    await expect
      .poll(() => row('intro.prompt').getByRole('status').textContent(), { timeout: 20_000 })
      .toContain(w('voices.recording', { seconds: 2, max: 60 }))
    await row('intro.prompt')
      .getByRole('button', { name: w('voices.stop') })
      .click()
    await row('intro.prompt')
      .getByRole('button', { name: w('voices.save') })
      .click()
    await expect.poll(() => row('intro.prompt').getAttribute('class')).toContain('voice--recorded')

    // A file: a good MP3 is taken; a picture named .mp3 is refused with the clear message, nothing stored.
    await row('schaal.prompt')
      .locator('input[type=file]')
      .setInputFiles({ name: 'schaal.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from(mp3(2)) })
    await expect.poll(() => row('schaal.prompt').getAttribute('class')).toContain('voice--recorded')
    await row('schaal.title')
      .locator('input[type=file]')
      .setInputFiles({ name: 'foto.mp3', mimeType: 'audio/mpeg', buffer: readFileSync('client/public/favicon.svg') })
    await row('schaal.title')
      .getByRole('alert')
      .filter({ hasText: e('voice_not_audio') })
      .waitFor()
    expect(await row('schaal.title').getAttribute('class')).not.toContain('voice--recorded')
    await p.screenshot({ path: join(SCREENSHOTS, 'voices-recorder-phone.png') })

    const list = (await web.sanne.get('/api/voices/tools/stoplicht/1')).body as {
      recordings: { lang: string; key: string; mime: string; durationMs: number }[]
    }
    const recorded = list.recordings.find((r) => r.lang === 'ti' && r.key === 'intro.prompt')
    expect(recorded?.mime).toBe('audio/webm')
    expect(recorded?.durationMs).toBeGreaterThan(1000)
    expect(list.recordings.some((r) => r.key === 'schaal.title')).toBe(false)

    // Removing.
    await row('schaal.prompt')
      .getByRole('button', { name: w('voices.remove') })
      .click()
    await expect.poll(() => row('schaal.prompt').getAttribute('class')).not.toContain('voice--recorded')
    for (const [size, name] of [
      [TABLET, 'tablet'],
      [LAPTOP, 'laptop'],
    ] as const) {
      await p.setViewportSize(size)
      await p.evaluate(() => window.scrollTo(0, 0))
      await p.screenshot({ path: join(SCREENSHOTS, `voices-recorder-${name}.png`) })
    }
  }, 120_000)
})
