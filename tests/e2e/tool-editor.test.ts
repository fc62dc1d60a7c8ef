import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { HttpUser } from '../helpers/server'

const NEW_WORDS = 'Op school, in de klas bij de juf'

describe.runIf(hasBrowser)('browser: a trainer edits the Stoplicht, tries it as a child, publishes it', () => {
  const web = useBrowser({ seeded: true })

  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    const ctx = await web.context({ viewport })
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    return page
  }

  /** A new Stoplicht gesprek for a new child, and its join code (not yet used: the child's phone uses it). */
  async function newGesprek(sanne: HttpUser, nickname: string): Promise<string> {
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname, ageBand: '8-12' })
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: child.body.id, toolId: 'stoplicht' })
    expect(g.status).toBe(201)
    return g.body.join!.code
  }

  it('edit → preview → publish → a child at 360×740 sees the new words; a running gesprek keeps the old', async () => {
    const { sanne } = web
    // Yesterday's gesprek, started before the edit.
    const running = await newGesprek(sanne, 'Gisteren')

    const admin = await newPage(LAPTOP)
    await web.login(admin, 'admin-a')
    await admin.getByRole('heading', { name: 'Mijn caseload' }).waitFor()
    await admin.goto(`${web.server.url}/begeleider/beheer`)
    await admin.getByRole('link', { name: 'Gesprekken aanpassen' }).click()
    await admin.getByRole('heading', { name: 'Gesprekken aanpassen' }).waitFor()
    await shot(admin, 'tool-versions-laptop')
    await admin.getByTestId('tool-stoplicht').getByRole('button', { name: 'Aanpassen' }).click()

    // The places step: the school place gets the organisation's own words.
    await admin.getByTestId('step-plekken').getByRole('button', { name: /^2\./ }).click()
    const school = admin.locator('[data-key="plekken.prompts.school"]')
    await expect.poll(() => school.inputValue()).toBe('Op school')
    await school.fill(NEW_WORDS)

    // The preview is the child's phone, through the real step screens, on the step being edited.
    const preview = admin.frameLocator('[data-testid="preview-frame"]')
    await preview.getByText(NEW_WORDS).waitFor()
    await expect
      .poll(() => preview.getByRole('heading', { level: 1 }).first().textContent())
      .toBe('Welke kleur heeft het?')
    await shot(admin, 'tool-editor-laptop')
    await admin.setViewportSize(TABLET)
    await shot(admin, 'tool-editor-tablet')
    await admin.setViewportSize(LAPTOP)

    // In English the preview speaks English; the other texts are untouched.
    await admin.getByTestId('lang-en').click()
    await expect.poll(() => preview.getByRole('heading', { level: 1 }).first().textContent()).toBe('What colour is it?')
    await admin.getByTestId('lang-nl').click()

    // Removing the sharing step is not offered; the server would refuse it (tests/server/tool-versions.test.ts).
    await expect
      .poll(() => admin.getByTestId('step-delen').getByRole('button', { name: 'Stap weghalen' }).count())
      .toBe(0)

    await admin.getByLabel('Wat is er veranderd? (verplicht)').fill('Onze eigen woorden voor school')
    await admin.getByRole('button', { name: 'Publiceren' }).click()
    await admin.getByText(/Gepubliceerd als versie 2/).waitFor()

    // Today's gesprek: the child joins on a phone and meets the new words.
    const today = await newGesprek(sanne, 'Vandaag')
    const child = await newPage(PHONE)
    await web.join(child, today)
    await child.getByRole('heading', { name: 'Het stoplicht' }).waitFor()
    await child.getByRole('button', { name: /^Verder/ }).click()
    await child.getByText(NEW_WORDS).waitFor()
    await shot(child, 'tool-published-child-phone')

    // Yesterday's gesprek runs on its own version to the end: the built-in words.
    const old = await newPage(PHONE)
    await web.join(old, running)
    await old.getByRole('heading', { name: 'Het stoplicht' }).waitFor()
    await old.getByRole('button', { name: /^Verder/ }).click()
    await old.getByText('Op school', { exact: true }).waitFor()
    expect(await old.getByText(NEW_WORDS).count()).toBe(0)

    // The begeleider sees both versions, and who published the new one.
    await admin.goto(`${web.server.url}/begeleider/beheer/gesprekken`)
    const row = admin.getByTestId('tool-stoplicht')
    await row.getByText('Onze eigen woorden voor school').waitFor()
    await row.getByRole('button', { name: 'Vergelijk met vorige' }).click()
    await admin.getByTestId('version-compare').getByText(NEW_WORDS).waitFor()
    await shot(admin, 'tool-versions-compare-laptop')
  })
})
