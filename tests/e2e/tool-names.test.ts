import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, SCREENSHOTS, TABLET } from '../helpers/browser'

const SIZES = { phone: PHONE, tablet: TABLET, laptop: LAPTOP } as const

describe.runIf(hasBrowser)("browser: the trainer edits the kennismaking, which says the begeleider's name", () => {
  const web = useBrowser({ seeded: true })

  it('the begeleider step keeps {{name}}, says what it becomes, and the preview fills it in', async () => {
    const ctx = await web.context({ viewport: LAPTOP })
    const admin = await ctx.newPage()
    admin.setDefaultTimeout(15_000)
    await web.toolsPage(admin)
    await admin.getByTestId('tool-kennismaking').getByRole('button', { name: 'Aanpassen' }).click()

    const step = admin.getByTestId('step-begeleider')
    await step.getByRole('button', { name: /^2\./ }).click()
    const prompt = admin.locator('[data-key="begeleider.prompt"]')
    await expect.poll(() => prompt.inputValue()).toContain('{{name}}')
    await prompt.fill('{{name}} is er voor jou. Je mag {{name}} alles vragen.')
    await step.getByText('wordt de naam van de begeleider van het kind').first().waitFor()

    // The child's phone in the preview: the name is filled in, never shown as a placeholder.
    const preview = admin.frameLocator('[data-testid="preview-frame"]')
    await preview.getByText('je begeleider is er voor jou. Je mag je begeleider alles vragen.').waitFor()
    expect(await preview.locator('body').innerText()).not.toContain('{{')
    // No problem to publish: the placeholder is one the rules allow here.
    await admin.getByRole('button', { name: 'Publiceren' }).waitFor()
    for (const [name, size] of Object.entries(SIZES)) {
      await admin.setViewportSize(size)
      await step.screenshot({ path: join(SCREENSHOTS, `tool-names-editor-${name}.png`) })
    }
    await admin.setViewportSize(LAPTOP)
    await admin.screenshot({ path: join(SCREENSHOTS, 'tool-names-editor-page-laptop.png') })
    await ctx.close()
  })
})
