import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { ServerOptions } from '../../server/app'
import { launch, PHONE } from './browser'
import { HttpUser, PASSWORD, seedOrganisations, startTestServer, type TestServer } from './server'

type Viewport = { width: number; height: number }

/**
 * What a browser test sets up, beside useServers: one Chromium for the describe block, launched before
 * its first test and closed after its last, with every context opened through `context` or `page`.
 * With `server` (its options) or `seeded`, also one test server for the block; `seeded` seeds both
 * organisations on it (see seedOrganisations) and logs Sanne (team A1) in over HTTP. The fields are filled before the block's first test.
 */
export function useBrowser(opts: { server?: Partial<ServerOptions>; seeded?: boolean; args?: string[] } = {}) {
  const contexts: BrowserContext[] = []
  const web = {
    browser: undefined as unknown as Browser,
    server: undefined as unknown as TestServer,
    sanne: undefined as unknown as HttpUser,

    /** A context that is closed with the browser (a test may close it earlier). */
    async context(options: BrowserContextOptions = {}): Promise<BrowserContext> {
      const ctx = await web.browser.newContext(options)
      contexts.push(ctx)
      return ctx
    },

    /** A page in a context of its own (a phone's size unless told otherwise). */
    async page(viewport: Viewport = PHONE, options: BrowserContextOptions = {}): Promise<Page> {
      const ctx = await web.context({ viewport, ...options })
      return ctx.newPage()
    },

    /** The begeleider's login screen, filled in and sent, as a begeleider does it. */
    async login(page: Page, username = 'sanne', password = PASSWORD): Promise<void> {
      await page.goto(`${web.server.url}/begeleider`)
      await page.getByLabel('Gebruikersnaam').fill(username)
      await page.getByLabel('Wachtwoord').fill(password)
      await page.getByRole('button', { name: 'Inloggen' }).click()
    },

    /** Beheer's page of the tools, reached as an admin does: the login, the caseload, then the page. */
    async toolsPage(page: Page, username = 'admin-a'): Promise<void> {
      await web.login(page, username)
      await page.getByRole('heading', { name: 'Mijn caseload' }).waitFor()
      await page.goto(`${web.server.url}/begeleider/beheer/gesprekken`)
    },

    /** The child's join screen with a code, as the child types it. */
    async join(page: Page, code: string): Promise<void> {
      await page.goto(`${web.server.url}/kind`)
      await page.getByLabel('Code', { exact: true }).fill(code)
      await page.getByRole('button', { name: 'Beginnen' }).click()
    },

    /** A new child in Sanne's team; its id. */
    async newChild(nickname: string, ageBand = '8-12', more: Record<string, unknown> = {}): Promise<string> {
      const r = await web.sanne.post<CaseloadChild>('/api/workspace/children', { nickname, ageBand, ...more })
      if (r.status !== 201) throw new Error(`new child: ${r.status}`)
      return (r.body as { id: string }).id
    },
  }

  beforeAll(async () => {
    if (opts.server || opts.seeded) {
      web.server = await startTestServer(opts.server)
      if (opts.seeded) {
        await seedOrganisations(web.server)
        web.sanne = await HttpUser.login(web.server.url, 'sanne')
      }
    }
    web.browser = await launch(opts.args)
  }, 90_000)

  afterAll(async () => {
    for (const ctx of contexts.splice(0)) await ctx.close()
    await web.browser?.close()
    await web.server?.stop()
  })

  return web
}
