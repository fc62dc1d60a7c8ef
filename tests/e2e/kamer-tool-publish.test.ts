import type { Page, Request } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { JoinCodeOut } from '../../dialogs/contract/http'
import type { VoiceRecording } from '../../dialogs/contract/voices'
import { oggOpus } from '../helpers/audio'
import { hasBrowser, LAPTOP, PHONE, SCREENSHOTS, shot, TABLET } from '../helpers/browser'
import { localeTexts } from '../helpers/kamer-version'
import { HttpUser } from '../helpers/server'
import { useBrowser } from '../helpers/use-browser'
import { words } from './flow'

const NEUTRAL = 'https://www.buienradar.nl/'
const PIN = '482915'
const TOOL = 'kamer-notities'
const KEY = 'notities.prompt'
const NEW = {
  nl: 'Schrijf hier wat je bezighoudt. Niemand leest het, tot jij iets deelt.',
  en: 'Write here what is on your mind. Nobody reads it until you share something.',
}
const OLD = localeTexts(TOOL, 'nl')[KEY]!

/**
 * The audio element is the only stub (with the speech API: a device without voices): it records what it
 * was asked to play, by the recording's content hash, and only from memory (a blob: address).
 */
const AUDIO_STUB = `(() => {
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
    getVoices: () => [], speak() {}, cancel() {}, addEventListener() {}, removeEventListener() {},
    speaking: false, pending: false, paused: false,
  } })
  const played = []
  HTMLMediaElement.prototype.play = function () {
    played.push(this.src.startsWith('blob:') ? this.dataset.voice : 'not from memory: ' + this.src)
    return Promise.resolve()
  }
  HTMLMediaElement.prototype.pause = function () {}
  window.__played = played
})()`

/**
 * Issue 15's browser test for a kamer tool: an admin edits the notes' words in Beheer, sees them in the
 * preview at phone size through the kamer's own screen (nothing sent, no gesprek made), publishes; a voice
 * is uploaded for the new words; a new jongere's kamer (invite → PIN → the tool, as a jongere does it)
 * shows them and plays the voice; a jongere whose notes gesprek started before the publish keeps the old.
 */
describe.runIf(hasBrowser)('browser: a kamer tool edited, previewed as the kamer shows it, published', () => {
  const web = useBrowser({ seeded: true })

  async function phone(): Promise<Page> {
    const ctx = await web.context({ viewport: PHONE, hasTouch: true, isMobile: true })
    await ctx.route(`${NEUTRAL}**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Buienradar</title><p>Het weer</p>' }),
    )
    await ctx.addInitScript(AUDIO_STUB)
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    return page
  }

  /** Invite (the begeleider) → code → name + PIN → the kamer's home, the way a jongere does it. */
  async function newKamer(page: Page, name: string) {
    const childId = await web.newChild(name, '12-15')
    const invite = await web.sanne.post<JoinCodeOut>(`/api/kamer/children/${childId}/invite`)
    await page.goto(`${web.server.url}/kamer`)
    await page.getByRole('button', { name: 'Ik heb een code van mijn begeleider' }).click()
    await page.getByLabel('Code van je begeleider').fill(invite.body.code)
    await page.getByRole('button', { name: 'Verder' }).click()
    await page.getByLabel('Naam van je kamer').fill(name)
    await page.getByLabel('PIN of wachtwoord').fill(PIN)
    await page.getByLabel('Nog een keer').fill(PIN)
    await page.getByRole('button', { name: 'Kamer maken' }).click()
    await page.getByRole('button', { name: 'Begrepen' }).click()
    await page.getByRole('heading', { name: 'Je kamer' }).waitFor()
  }

  async function openNotes(page: Page) {
    await page.getByRole('button', { name: /^Notities/ }).click()
    await page.getByTestId('notes-about').waitFor()
  }

  const gesprekken = async () =>
    Number(
      (
        await web.server.deps.db
          .selectFrom('gesprekken')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('edit → preview (the kamer’s own screen, phone size, each language, nothing sent) → publish → a new kamer has the new words and the voice; a running one keeps the old', async () => {
    // A jongere whose notes started before the publish: the built-in words.
    const before = await phone()
    await newKamer(before, 'vuurtoren')
    await openNotes(before)
    await before.getByText(OLD, { exact: true }).waitFor()

    // The admin edits the notes' prompt in Beheer.
    const ctx = await web.context({ viewport: LAPTOP })
    const admin = await ctx.newPage()
    admin.setDefaultTimeout(15_000)
    await web.toolsPage(admin)
    await admin
      .getByTestId(`tool-${TOOL}`)
      .getByRole('button', { name: /Aanpassen|Verder met het concept/ })
      .click()
    await admin.getByTestId('texts-only').waitFor()

    // From here the preview must not reach the server: no gesprek, no kamer, no socket.
    const sent: string[] = []
    const watch = (r: Request) => {
      const path = new URL(r.url()).pathname
      if (r.method() !== 'GET' || /^\/(api\/(kamer|gesprekken|kind)|socket\.io)/.test(path))
        sent.push(`${r.method()} ${path}`)
    }
    ctx.on('request', watch)
    const made = await gesprekken()

    await admin.getByTestId('step-notities').getByRole('button', { name: /^2\./ }).click()
    await admin.locator(`[data-key="${KEY}"]`).fill(NEW.nl)

    // The preview: the kamer's own tool screen at phone size, not the child's frame.
    const frame = admin.getByTestId('preview-frame')
    const inside = (await (await frame.elementHandle()).contentFrame())!
    expect(await inside.evaluate(() => [innerWidth, innerHeight])).toEqual([360, 740])
    const preview = admin.frameLocator('[data-testid="preview-frame"]')
    await preview.locator('[data-screen="kamer"]').waitFor()
    expect(await preview.locator('.app--kind').count()).toBe(0)
    const k = words('nl', 'kamer')
    await preview.getByText(NEW.nl, { exact: true }).waitFor()
    expect(await preview.getByText(OLD, { exact: true }).count()).toBe(0)
    // The trainer goes on typing, key by key: each key's new words in the preview never take the focus
    // from the field (a focused heading in the frame would swallow the next key).
    await admin.locator(`[data-key="${KEY}"]`).click()
    await admin.keyboard.press('End')
    await admin.keyboard.type(' Echt.', { delay: 80 })
    await preview.getByText(`${NEW.nl} Echt.`, { exact: true }).waitFor()
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe(KEY)
    await admin.locator(`[data-key="${KEY}"]`).fill(NEW.nl)
    // The notes as one page: the intro's lines under them, no step line, the ways to help, the way back.
    const notes = words('nl', `tool-${TOOL}`)
    expect(await preview.getByTestId('notes-about').textContent()).toContain(notes('intro.schuld'))
    expect(await preview.getByTestId('notes-about').textContent()).toContain(notes('intro.honest'))
    expect(await preview.getByTestId('step-line').count()).toBe(0)
    await preview.getByRole('complementary', { name: words('nl', 'common')('help.title') }).waitFor()
    await preview.getByRole('button', { name: new RegExp(k('room.home')) }).waitFor()
    await preview.locator('.kamer-bar .lang-picker').waitFor()
    // The adult register's quiet read-aloud under the prompt.
    await preview.getByRole('button', { name: `${k('readAloud.label')}: ${NEW.nl}` }).waitFor()
    await frame.screenshot({ path: `${SCREENSHOTS}/kamer-preview-notes-phone.png` })

    // Each language: the English tab shows the English words in the preview.
    await admin.getByTestId('lang-en').click()
    await admin.locator(`[data-key="${KEY}"]`).fill(NEW.en)
    await preview.getByText(NEW.en, { exact: true }).waitFor()
    await expect.poll(() => preview.locator('[data-screen="kamer"]').getAttribute('lang')).toBe('en')
    await admin.getByTestId('lang-nl').click()
    await preview.getByText(NEW.nl, { exact: true }).waitFor()

    // A note in the preview, then "Klaar voor mijn afspraak" as the jongere has it: all in this page.
    await preview.getByPlaceholder(/Typ het hier/).fill('Een notitie in het voorbeeld')
    await preview.getByRole('button', { name: 'Zet erin' }).click()
    await preview.getByText('Een notitie in het voorbeeld').first().waitFor()
    await preview.getByRole('button', { name: new RegExp(k('room.home')) }).click()
    await preview.getByTestId('preview-home-note').waitFor()
    await frame.screenshot({ path: `${SCREENSHOTS}/kamer-preview-home-phone.png` })
    await preview.getByRole('button', { name: new RegExp(`^${k('room.share')}`) }).click()
    await preview.getByRole('heading', { name: k('share.title') }).waitFor()
    await preview.locator('.share-item').filter({ hasText: 'Een notitie in het voorbeeld' }).waitFor()
    await frame.screenshot({ path: `${SCREENSHOTS}/kamer-preview-share-phone.png` })
    // Opening the step again in the editor brings the preview back to the tool.
    await admin.getByTestId('step-notities').getByRole('button', { name: /^2\./ }).click()
    await preview.getByText(NEW.nl, { exact: true }).waitFor()

    for (const [size, label] of [
      [LAPTOP, 'laptop'],
      [TABLET, 'tablet'],
      [PHONE, 'phone'],
    ] as const) {
      await admin.setViewportSize(size)
      await preview.getByText(NEW.nl, { exact: true }).waitFor()
      // At every size of the admin's screen the preview is a phone's: 360 × 740, the page not pushed sideways.
      await expect.poll(() => inside.evaluate(() => [innerWidth, innerHeight])).toEqual([360, 740])
      expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width)
      await shot(admin, `kamer-preview-editor-${label}`)
    }
    await admin.setViewportSize(LAPTOP)
    ctx.off('request', watch)
    expect(sent.filter((s) => !s.startsWith('PUT /api/tool-versions/'))).toEqual([])
    expect(await gesprekken()).toBe(made)

    // Publish: the organisation's version 2 of the notes.
    await admin.getByLabel('Wat is er veranderd? (verplicht)').fill('De notities in onze eigen woorden')
    await admin.getByRole('button', { name: 'Publiceren' }).click()
    await admin.getByText(/Gepubliceerd als versie 2/).waitFor()
    await admin.getByRole('button', { name: /Terug naar het overzicht/ }).click()

    // A voice for the new words, uploaded on the version's Stemmen page.
    await admin.getByTestId(`tool-${TOOL}`).locator('tbody tr').first().getByRole('link', { name: 'Stemmen' }).click()
    const row = admin.locator(`li.voice[data-key="${KEY}"]`)
    await row.getByText(NEW.nl, { exact: true }).waitFor()
    await row
      .locator('input[type=file]')
      .setInputFiles({ name: 'notities.ogg', mimeType: 'audio/ogg', buffer: Buffer.from(oggOpus(3)) })
    await expect.poll(() => row.getAttribute('class')).toContain('voice--recorded')
    const admins = await HttpUser.login(web.server.url, 'admin-a')
    const { recordings } = (await admins.get<{ recordings: VoiceRecording[] }>(`/api/voices/tools/${TOOL}/2`)).body
    const etag = recordings.find((r) => r.lang === 'nl' && r.key === KEY)!.etag

    // A new jongere's kamer: the new words, and the recorded voice plays there.
    const after = await phone()
    await newKamer(after, 'zeilboot')
    await openNotes(after)
    await after.getByText(NEW.nl, { exact: true }).waitFor()
    expect(await after.getByText(OLD, { exact: true }).count()).toBe(0)
    const voice = after.getByRole('button', { name: `${k('readAloud.label')}: ${NEW.nl}` })
    await expect.poll(() => voice.getAttribute('data-voice')).toBe('recorded')
    expect(await after.evaluate(() => (window as unknown as { __played: string[] }).__played)).toEqual([])
    await voice.click()
    await expect
      .poll(() => after.evaluate(() => (window as unknown as { __played: string[] }).__played))
      .toEqual([etag])
    await shot(after, 'kamer-published-notes-phone')

    // The jongere whose notes started before: after the PIN again, still the old words.
    await before.reload()
    await before.getByLabel('Naam van je kamer').fill('vuurtoren')
    await before.getByLabel('PIN of wachtwoord').fill(PIN)
    await before.getByRole('button', { name: 'Openen' }).click()
    await before.getByRole('heading', { name: 'Je kamer' }).waitFor()
    await openNotes(before)
    await before.getByText(OLD, { exact: true }).waitFor()
    expect(await before.getByText(NEW.nl, { exact: true }).count()).toBe(0)
  }, 180_000)

  it('Mijn netwerk: at 8-12 the child’s screen beside a begeleider, at 12-15 the kamer’s own, in the adult register', async () => {
    const ctx = await web.context({ viewport: LAPTOP })
    const admin = await ctx.newPage()
    admin.setDefaultTimeout(15_000)
    await web.toolsPage(admin)
    await admin
      .getByTestId('tool-mijn-netwerk')
      .getByRole('button', { name: /Aanpassen|Verder met het concept/ })
      .click()
    await admin.getByTestId('texts-only').waitFor()
    await admin.getByTestId('step-mensen').getByRole('button', { name: /^2\./ }).click()
    const preview = admin.frameLocator('[data-testid="preview-frame"]')
    const net = words('nl', 'tool-mijn-netwerk')
    await preview.locator('.app--kind').waitFor()
    await preview.getByText(net('mensen.prompt'), { exact: true }).waitFor()
    await admin.getByLabel('Leeftijd').selectOption('12-15')
    await preview.locator('[data-screen="kamer"]').waitFor()
    await preview.getByText(net('mensen.prompt_jongere'), { exact: true }).waitFor()
    expect(await preview.locator('.app--kind').count()).toBe(0)
    await preview.getByRole('button', { name: new RegExp(words('nl', 'kamer')('room.home')) }).waitFor()
    await admin.getByTestId('preview-frame').screenshot({ path: `${SCREENSHOTS}/kamer-preview-netwerk-phone.png` })
    await admin.getByRole('button', { name: 'Concept weggooien' }).click()
  }, 120_000)
})
