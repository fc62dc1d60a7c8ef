import AxeBuilder from '@axe-core/playwright'
import axe from 'axe-core'
import type { Page } from 'playwright-core'

export type Violation = { id: string; impact: string; where: string[] }

/**
 * axe on the page as it is now: serious and critical violations, with where they are. It runs the
 * axe-core this project declares in package.json, not whichever copy the Playwright wrapper brings along.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const result = await new AxeBuilder({ page, axeSource: axe.source })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, where: v.nodes.map((n) => n.target.join(' ')) }))
}
