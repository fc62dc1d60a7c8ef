import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { ToolVersionSummary, VersionOut } from '../../dialogs/contract/tool-version'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasBrowser, LAPTOP, launch, PHONE, shot, TABLET } from '../helpers/browser'
import { HttpUser, PASSWORD, seedOrganisations, startTestServer, type TestServer } from '../helpers/server'

const WORDS = { laptop: 'Waar lig je soms wakker van?', phone: 'Waar maak jij je zorgen om?' }
const KEY = 'modules.questions.veiligheid.zorgen'

describe.runIf(hasBrowser)('browser: a trainer edits the texts of a kamer tool (texts only)', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    server = await startTestServer()
    await seedOrganisations(server)
    browser = await launch()
  }, 60_000)

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    await server?.stop()
  })

  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    const ctx = await browser.newContext({ viewport })
    contexts.push(ctx)
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    return page
  }

  async function login(page: Page) {
    await page.goto(`${server.url}/begeleider`)
    await page.getByLabel('Gebruikersnaam').fill('admin-a')
    await page.getByLabel('Wachtwoord').fill(PASSWORD)
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.getByRole('heading', { name: 'Mijn caseload' }).waitFor()
    await page.goto(`${server.url}/begeleider/beheer/gesprekken`)
    await page.getByRole('heading', { name: 'Gesprekken aanpassen' }).waitFor()
  }

  const versionRows = (page: Page) => page.getByTestId('tool-mijn-kamer').locator('tbody tr')

  for (const [size, viewport] of [
    ['laptop', LAPTOP],
    ['phone', PHONE],
  ] as const)
    it(`${size}: texts by step and module, what is missing per language, no structure controls; publish gives N+1`, async () => {
      const admin = await newPage(viewport)
      await login(admin)
      const before = await versionRows(admin).count()
      const tool = admin.getByTestId('tool-mijn-kamer')
      await tool.getByText('alleen teksten').waitFor()
      await tool.getByRole('button', { name: /Aanpassen|Verder met het concept/ }).click()
      await admin.getByTestId('texts-only').waitFor()

      // No structure controls at all: no moving, removing or adding steps, lines or questions.
      for (const name of ['Stap weghalen', 'Omhoog', 'Omlaag', 'Weg', 'Toevoegen vóór het delen'])
        expect([name, await admin.getByRole('button', { name, exact: true }).count()]).toEqual([name, 0])

      // The modules step lists its texts per module, as the screen groups them.
      await admin.getByTestId('step-modules').getByRole('button', { name: /^2\./ }).click()
      const group = admin.getByTestId('group-veiligheid')
      await group.getByRole('heading', { name: 'Onderwerp: Veiligheid' }).waitFor()
      const field = group.locator(`[data-key="${KEY}"]`)
      // The built-in words first, then the laptop run's version 2 (a draft starts from the newest version).
      await expect
        .poll(() => field.inputValue())
        .toBe(size === 'laptop' ? 'Waar maak je je zorgen over?' : WORDS.laptop)
      await field.fill(WORDS[size])

      // The preview is the real screen of the modules step, at the adult register's band.
      const preview = admin.frameLocator('[data-testid="preview-frame"]')
      await preview.getByRole('heading', { level: 1 }).first().waitFor()
      expect(await preview.getByText('Waar wil je het over hebben?').count()).toBeGreaterThan(0)

      // What is missing in which language: an emptied Arabic text shows on the tab and in the step.
      await admin.getByTestId('lang-ar').click()
      const arField = admin.getByTestId('group-veiligheid').locator(`[data-key="${KEY}"]`)
      await arField.fill('')
      await admin.getByTestId('lang-ar').getByText('1 ontbreekt').waitFor()
      await admin.getByTestId('step-modules').getByText('1 ontbreekt in deze taal').waitFor()
      await shot(admin, `tool-texts-only-${size}`)
      if (size === 'laptop') {
        await admin.setViewportSize(TABLET)
        await shot(admin, 'tool-texts-only-tablet')
        await admin.setViewportSize(LAPTOP)
      }
      await arField.fill('هل لديك مخاوف؟')
      await admin.getByTestId('lang-nl').click()

      await admin.getByLabel('Wat is er veranderd? (verplicht)').fill(`Veiligheid in eigen woorden (${size})`)
      await admin.getByRole('button', { name: 'Publiceren' }).click()
      await admin.getByText(/Gepubliceerd als versie \d+/).waitFor()
      await admin.getByRole('button', { name: /Terug naar het overzicht/ }).click()
      await expect.poll(() => versionRows(admin).count()).toBe(before + 1)
      await admin.getByTestId('tool-mijn-kamer').getByText(`Veiligheid in eigen woorden (${size})`).waitFor()
      if (size === 'phone') await shot(admin, 'tool-texts-only-versions-phone')

      // Voices for the new version: its texts, the new words among them, ready to record per language.
      await versionRows(admin).first().getByRole('link', { name: 'Stemmen' }).click()
      await admin.getByText(WORDS[size], { exact: true }).waitFor()
      if (size === 'laptop') await shot(admin, 'tool-texts-only-voices-laptop')
    })

  it('the preview shows every kamer tool through the real step screens, at the own age bands of each tool', async () => {
    const admin = await newPage(LAPTOP)
    await login(admin)
    for (const [toolId, step, index, heading] of [
      ['mijn-netwerk', 'mensen', 2, 'Wie staan er om je heen?'],
      ['kamer-notities', 'notities', 2, 'Notities'],
      ['kennismaking-jongere', 'wonen', 3, 'Waar je nu woont'],
      ['mijn-kamer', 'afsluiting', 4, 'Klaar'],
    ] as const) {
      await admin
        .getByTestId(`tool-${toolId}`)
        .getByRole('button', { name: /Aanpassen|Verder met het concept/ })
        .click()
      await admin.getByTestId('texts-only').waitFor()
      await admin
        .getByTestId(`step-${step}`)
        .getByRole('button', { name: new RegExp(`^${index}\\.`) })
        .click()
      const preview = admin.frameLocator('[data-testid="preview-frame"]')
      await expect.poll(() => preview.getByRole('heading', { level: 1 }).first().textContent()).toBe(heading)
      // A text edited here is on the preview's screen at once.
      const title = admin.locator(`[data-key="${step}.title"]`)
      await title.fill(`${heading} (eigen woorden)`)
      await expect
        .poll(() => preview.getByRole('heading', { level: 1 }).first().textContent())
        .toBe(`${heading} (eigen woorden)`)
      if (toolId === 'mijn-netwerk') await shot(admin, 'tool-texts-only-netwerk-laptop')
      await admin.getByRole('button', { name: 'Concept weggooien' }).click()
      await admin.getByRole('button', { name: /Terug naar het overzicht/ }).click()
      await admin.getByRole('heading', { name: 'Gesprekken aanpassen' }).waitFor()
    }
  })

  it('the published words are the version a new gesprek gets', async () => {
    const admin = await HttpUser.login(server.url, 'admin-a')
    const versions = (await admin.get<{ versions: ToolVersionSummary[] }>('/api/tool-versions/mijn-kamer/versions'))
      .body.versions
    const newest = versions[0]!.version
    expect(newest).toBeGreaterThan(1)
    const doc = (await admin.get<VersionOut>(`/api/tool-versions/mijn-kamer/versions/${newest}`)).body.doc
    expect(doc.texts.nl?.[KEY]).toBe(WORDS.phone)
    expect(doc.texts.ar?.[KEY]).toBe('هل لديك مخاوف؟')
  })
})
