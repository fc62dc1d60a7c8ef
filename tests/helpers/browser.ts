import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Locally a machine without Chromium skips browser tests; in CI (CI=true) they must run. */
export const hasBrowser = existsSync(CHROMIUM) || process.env.CI === 'true'

export const SCREENSHOTS = join(process.cwd(), 'tests/e2e/screenshots')

/** Browser tests load the built client: say so plainly instead of timing out on a blank page. */
export function requireBuiltClient(): void {
  if (!existsSync(join(process.cwd(), 'dist/client/index.html')))
    throw new Error(
      'The client is not built: run `npm run build` (or `npm run test:browser`) before the browser tests.',
    )
}

/** Chromium as every browser test runs it; `args` adds switches (the voices test's fake microphone). */
export async function launch(args: string[] = []): Promise<Browser> {
  requireBuiltClient()
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // No background traffic to Google from a closed network (env notes).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...args,
    ],
  })
}

export const PHONE = { width: 360, height: 740 }
export const TABLET = { width: 820, height: 1180 }
export const LAPTOP = { width: 1366, height: 768 }

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}
