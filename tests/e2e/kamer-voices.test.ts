import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasBrowser, LAPTOP, launch, PHONE, shot, TABLET } from '../helpers/browser'
import { oggOpus } from '../helpers/audio'
import { KAMER_PIN, setUpKamer } from '../helpers/kamer'
import { publishKamerVersion } from '../helpers/kamer-version'
import { HttpUser, seedOrganisations, startTestServer, type TestServer } from '../helpers/server'
import { words } from './flow'

const NEUTRAL = 'https://www.buienradar.nl/'
const OWN_TITLE = 'Kennismaken, in onze eigen woorden'

/**
 * The speech API and the audio element are the only stubs (the brief allows them): a device with the
 * given voices that records every utterance, and an audio element that records what it was asked to play
 * (by the recording's content hash, and only from memory: a blob: address) and whether it was paused.
 * URL.createObjectURL and revokeObjectURL are only watched (they still do their work), so the test can
 * see which recordings are still held in memory.
 */
function stubs(voiceLangs: string[]) {
  return `(() => {
    const spoken = []
    const voices = ${JSON.stringify(voiceLangs)}.map((lang) => ({ lang, name: 'stub ' + lang, default: false, localService: true, voiceURI: 'stub:' + lang }))
    let cancelled = 0
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
      getVoices: () => voices,
      speak(u) { spoken.push({ text: u.text, lang: u.lang }); u.onstart && u.onstart({}) },
      cancel() { cancelled++ }, addEventListener() {}, removeEventListener() {},
      speaking: false, pending: false, paused: false,
    } })
    window.__spoken = spoken
    window.__cancelled = () => cancelled
    const played = []
    let current = null
    let paused = 0
    HTMLMediaElement.prototype.play = function () {
      current = this
      played.push(this.src.startsWith('blob:') ? this.dataset.voice : 'not from memory: ' + this.src)
      return Promise.resolve()
    }
    HTMLMediaElement.prototype.pause = function () { if (this === current) { paused++; current = null } }
    window.__played = played
    window.__playing = () => current !== null
    window.__paused = () => paused
    window.__ended = () => { const a = current; current = null; a && a.onended && a.onended(new Event('ended')) }
    const live = new Set()
    const create = URL.createObjectURL.bind(URL)
    const revoke = URL.revokeObjectURL.bind(URL)
    URL.createObjectURL = (b) => { const u = create(b); live.add(u); return u }
    URL.revokeObjectURL = (u) => { live.delete(u); revoke(u) }
    window.__liveUrls = () => live.size
  })()`
}

type Probe = { __played: string[]; __spoken: { text: string }[]; __ended: () => void; __liveUrls: () => number }
/** What the stubs recorded so far: a list as it is, a function called. */
const probe = (p: Page, k: keyof Probe) =>
  p.evaluate((key): unknown => {
    const v: unknown = (window as unknown as Record<string, unknown>)[key]
    return typeof v === 'function' ? (v as () => unknown)() : v
  }, k)

describe.runIf(hasBrowser)('browser: the kamer reads its version, and reads aloud with recorded voices', () => {
  let server: TestServer
  let browser: Browser
  let sanne: HttpUser
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    server = await startTestServer()
    await seedOrganisations(server)
    sanne = await HttpUser.login(server.url, 'sanne')
    browser = await launch()
  }, 90_000)
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await server?.stop()
  })

  /** A jongere whose kennismaking runs on the organisation's own version, with a recorded Dutch title. */
  async function kamerOnOwnVersion() {
    const v = await publishKamerVersion(await HttpUser.login(server.url, 'admin-a'), 'kennismaking-jongere', {
      nl: { 'intro.title': OWN_TITLE },
      en: { 'intro.title': 'Getting to know each other, in our own words' },
    })
    // The kamer and its gesprek after the publish: a new gesprek runs on the newest version.
    const kamer = await setUpKamer(server.url, sanne, '16-18')
    const made = await new HttpUser(server.url, kamer.token).post('/api/kamer/gesprekken', {
      toolId: 'kennismaking-jongere',
    })
    const gesprekId = (made.body as { id: string }).id
    const res = await fetch(`${server.url}/api/voices/tools/kennismaking-jongere/${v.version}/nl/intro.title`, {
      method: 'PUT',
      headers: { cookie: sanne.cookie, 'content-type': 'audio/ogg' },
      body: Buffer.from(oggOpus(2)),
    })
    expect(res.status).toBe(201)
    return { ...kamer, gesprekId, etag: ((await res.json()) as { etag: string }).etag }
  }

  async function phone(voices: string[]) {
    const ctx = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true })
    contexts.push(ctx)
    await ctx.route(`${NEUTRAL}**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Buienradar</title><p>Het weer</p>' }),
    )
    await ctx.addInitScript(stubs(voices))
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    return { ctx, page }
  }

  async function openKamer(page: Page, name: string) {
    await page.goto(`${server.url}/kamer`)
    await page.getByLabel('Naam van je kamer').fill(name)
    await page.getByLabel('PIN of wachtwoord').fill(KAMER_PIN)
    await page.getByRole('button', { name: 'Openen' }).click()
    await page.getByRole('heading', { name: 'Je kamer' }).waitFor()
  }

  it('the tool shows its version’s words; Voorlezen plays the recording, then the device’s voice, then says calmly there is none', async () => {
    const { name, etag } = await kamerOnOwnVersion()
    const { page } = await phone(['nl-NL'])
    const k = words('nl', 'kamer')
    const kj = words('nl', 'tool-kennismaking-jongere')
    await openKamer(page, name)
    await page.getByRole('button', { name: new RegExp(`^${k('tool.kennismaking-jongere.title')}`) }).click()
    // The organisation's words, not the locale's.
    await page.getByRole('heading', { name: OWN_TITLE }).waitFor()
    expect(await page.getByRole('heading', { name: kj('intro.title'), exact: true }).count()).toBe(0)

    const title = page.getByRole('button', { name: `${k('readAloud.label')}: ${OWN_TITLE}` })
    await expect.poll(() => title.getAttribute('data-voice')).toBe('recorded')
    // Adult and quiet, but a real target.
    const box = (await title.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(44)
    expect(await title.textContent()).toBe(k('readAloud.label'))
    // Nothing plays by itself.
    expect(await probe(page, '__played')).toEqual([])
    expect(await probe(page, '__spoken')).toEqual([])
    await shot(page, 'kamer-voorlezen-phone')

    await title.click()
    await expect.poll(() => probe(page, '__played')).toEqual([etag])
    expect(await probe(page, '__spoken')).toEqual([])
    await page.getByRole('button', { name: k('readAloud.stop') }).waitFor()
    await shot(page, 'kamer-voorlezen-speaking-phone')
    await page.evaluate(() => (window as unknown as Probe).__ended())
    await title.waitFor()

    // A text without a recording: the device's voice.
    const prompt = kj('intro.prompt')
    await page.getByRole('button', { name: `${k('readAloud.label')}: ${prompt}` }).click()
    await expect
      .poll(async () => ((await probe(page, '__spoken')) as { text: string }[]).map((s) => s.text))
      .toEqual([prompt])
    expect(await probe(page, '__played')).toEqual([etag])

    // Tigrinya: the version has no Tigrinya, so its Dutch words; no recording and no device voice for
    // Tigrinya, so the calm line, in Tigrinya.
    await page.locator('.lang-picker__toggle').click()
    await page.locator('.lang-picker__choice[lang="ti"]').click()
    const ti = words('ti', 'kamer')
    await page.getByRole('heading', { name: OWN_TITLE }).waitFor()
    const none = page.getByRole('button', { name: `${ti('readAloud.label')}: ${OWN_TITLE}` })
    await expect.poll(() => none.getAttribute('data-voice')).toBe('none')
    await none.click()
    await page
      .getByRole('status')
      .filter({ hasText: ti('readAloud.noVoice') })
      .first()
      .waitFor()
    expect(await probe(page, '__played')).toEqual([etag])
    expect(((await probe(page, '__spoken')) as unknown[]).length).toBe(1)
    await shot(page, 'kamer-voorlezen-novoice-phone')
    for (const [size, label] of [
      [TABLET, 'tablet'],
      [LAPTOP, 'laptop'],
    ] as const) {
      await page.setViewportSize(size)
      await shot(page, `kamer-voorlezen-novoice-${label}`)
    }
    await page.setViewportSize(PHONE)
    await page.locator('.lang-picker__toggle').click()
    await page.locator('.lang-picker__choice[lang="nl"]').click()
    await page.getByRole('heading', { name: OWN_TITLE }).waitFor()
    for (const [size, label] of [
      [TABLET, 'tablet'],
      [LAPTOP, 'laptop'],
    ] as const) {
      await page.setViewportSize(size)
      await shot(page, `kamer-voorlezen-${label}`)
    }
  }, 120_000)

  it('quick exit stops the recording that plays and leaves no recording in memory, nothing stored', async () => {
    const { name, etag, childId } = await kamerOnOwnVersion()
    const { ctx, page } = await phone(['nl-NL'])
    const k = words('nl', 'kamer')
    await openKamer(page, name)
    await page.getByRole('button', { name: new RegExp(`^${k('tool.kennismaking-jongere.title')}`) }).click()
    const title = page.getByRole('button', { name: `${k('readAloud.label')}: ${OWN_TITLE}` })
    await expect.poll(() => title.getAttribute('data-voice')).toBe('recorded')
    await title.click()
    await expect.poll(() => probe(page, '__played')).toEqual([etag])
    expect(await probe(page, '__liveUrls')).toBe(1)

    // What the page holds right after quick exit's own handler ran, in the same event.
    const seen: unknown[] = []
    await page.exposeFunction('kgSeen', (v: unknown) => seen.push(v))
    await page.evaluate(() => {
      window.addEventListener('click', () => {
        const w = window as unknown as Probe & {
          kgSeen: (v: unknown) => void
          __playing: () => boolean
          __paused: () => number
          __cancelled: () => number
        }
        w.kgSeen({
          playing: w.__playing(),
          paused: w.__paused(),
          cancelled: w.__cancelled() > 0,
          liveUrls: w.__liveUrls(),
          text: document.body.innerText,
        })
      })
    })
    await page.getByRole('button', { name: 'Snel weg' }).click()
    await page.waitForURL(NEUTRAL)
    await expect.poll(() => seen.at(-1)).toEqual({ playing: false, paused: 1, cancelled: true, liveUrls: 0, text: '' })
    await expect
      .poll(async () =>
        server.deps.db.selectFrom('kamer_tokens').select('revoked_at').where('child_id', '=', childId).execute(),
      )
      .toEqual(expect.arrayContaining([{ revoked_at: expect.any(String) as string }]))
    const check = await ctx.newPage()
    await check.goto(`${server.url}/kamer`)
    expect(
      await check.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        idb: (await indexedDB.databases()).length,
        cookie: document.cookie,
        caches: (await caches.keys()).length,
      })),
    ).toEqual({ local: 0, session: 0, idb: 0, cookie: '', caches: 0 })
  }, 120_000)

  it('a built-in kamer tool reads its locale words, with a quiet Voorlezen under each line and nothing by itself', async () => {
    const kamer = await setUpKamer(server.url, sanne, '12-15')
    const { page } = await phone([])
    const k = words('nl', 'kamer')
    const notes = words('nl', 'tool-kamer-notities')
    await openKamer(page, kamer.name)
    await page.getByRole('button', { name: /^Notities/ }).click()
    await page.getByTestId('notes-about').waitFor()
    for (const key of ['intro.schuld', 'intro.honest', 'notities.prompt'])
      await page.getByRole('button', { name: `${k('readAloud.label')}: ${notes(key)}` }).waitFor()
    // No device voice, no recording: the button says so when tapped, and nothing was spoken.
    await page.getByRole('button', { name: `${k('readAloud.label')}: ${notes('intro.schuld')}` }).click()
    await page
      .getByRole('status')
      .filter({ hasText: k('readAloud.noVoice') })
      .first()
      .waitFor()
    expect(await probe(page, '__spoken')).toEqual([])
    expect(await probe(page, '__played')).toEqual([])
    await shot(page, 'kamer-notes-voorlezen-phone')

    // Mijn kamer's module questions (four-segment keys) carry the quiet icon of the same control.
    const mk = words('nl', 'tool-mijn-kamer')
    await page.getByRole('button', { name: /Je kamer/ }).click()
    await page.getByRole('button', { name: new RegExp(`^${k('tool.mijn-kamer.title')}`) }).click()
    await page.getByRole('button', { name: /Verder/ }).click()
    await page.locator('.module-card').first().click()
    const question = mk('modules.questions.hoe-gaat-het.stemming')
    const icon = page.getByRole('button', { name: `${k('readAloud.label')}: ${question}` })
    await icon.waitFor()
    const box = (await icon.boundingBox())!
    expect([box.width >= 44, box.height >= 44]).toEqual([true, true])
    await shot(page, 'kamer-modules-voorlezen-phone')
    for (const [size, label] of [
      [TABLET, 'tablet'],
      [LAPTOP, 'laptop'],
    ] as const) {
      await page.setViewportSize(size)
      await shot(page, `kamer-modules-voorlezen-${label}`)
    }

    // "Klaar voor mijn afspraak" names the question an answer answers in the gesprek's own words.
    await page.setViewportSize(PHONE)
    const asked = mk('modules.questions.hoe-gaat-het.wat-speelt')
    await page.locator('.module-question').filter({ hasText: asked }).locator('textarea').fill('Veel gedoe')
    await page.locator('.module-question').filter({ hasText: asked }).getByRole('button', { name: 'Bewaar' }).click()
    await expect.poll(() => page.getByText('nog niet verstuurd').count()).toBe(0)
    await page.getByRole('button', { name: /Je kamer/ }).click()
    await page.getByRole('button', { name: /^Klaar voor mijn afspraak/ }).click()
    await page.locator('.share-item').filter({ hasText: 'Veel gedoe' }).filter({ hasText: asked }).waitFor()
  }, 120_000)
})
