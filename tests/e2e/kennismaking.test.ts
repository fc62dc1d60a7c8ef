import type { ChildTasksOut } from '../../dialogs/contract/tasks'
import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { toLastIdea, words } from './flow'

const nl = words('nl', 'tool-kennismaking')

/** Text under 18px and controls under 44px on a child's screen (what is visible, not screen-reader text). */
function tooSmall(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) return false
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && !el.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)')
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !(n.textContent ?? '').trim() || el.closest('svg, script, style') || !visible(el)) continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < 17.95) out.push(`text ${size}px: “${(n.textContent ?? '').trim().slice(0, 30)}” in .${el.className}`)
    }
    const controls = document.querySelectorAll('button, a[href], input, select, textarea, [role="radio"], [role="tab"]')
    for (const c of controls) {
      if (!visible(c)) continue
      const r = c.getBoundingClientRect()
      if (r.width < 43.5 || r.height < 43.5)
        out.push(`control ${Math.round(r.width)}×${Math.round(r.height)}: ${c.tagName} .${c.className}`)
    }
    return out
  })
}

/** Every visible text block of the step has its own read-aloud button. */
async function unreadable(page: Page): Promise<number> {
  return page.evaluate(() => {
    const blocks = [...document.querySelectorAll('main .step h1, main .step p')].filter(
      (el) => el.getBoundingClientRect().height > 0 && (el.textContent ?? '').trim(),
    )
    return blocks.filter((el) => !el.closest('.read-aloud-wrap, .prompt') && !el.querySelector('.read-aloud')).length
  })
}

describe.runIf(hasBrowser)('browser: the 4-12 kennismaking on a phone', () => {
  const web = useBrowser({ seeded: true })

  it('shows the begeleider by name and chosen picture, reads every line aloud, and makes the pet task', async () => {
    const { sanne } = web
    expect((await sanne.request('PUT', '/api/auth/me/picture', { picture: 'sun' })).status).toBe(200)
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Noor', ageBand: '4-7' })
    const childId = (child.body as { id: string }).id
    const g = (await sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'kennismaking' })).body as {
      gesprek: { id: string }
      join: { code: string }
    }
    const ctx = await web.context({ viewport: PHONE, hasTouch: true })
    const kind = await ctx.newPage()
    kind.setDefaultTimeout(10_000)
    await web.join(kind, g.join.code)

    const check = async (title: string, name: string) => {
      await kind.getByRole('heading', { name: title }).first().waitFor()
      await expect.poll(() => kind.locator('main .read-aloud').count()).toBeGreaterThan(0)
      expect(await unreadable(kind), `${name}: a line without read-aloud`).toBe(0)
      expect(await tooSmall(kind), name).toEqual([])
      await shot(kind, `kennismaking-${name}-phone`)
    }
    // A 4-7 info step shows one idea per screen: Verder turns to its last idea first (tests/e2e/flow.ts).
    const next = async () => {
      await toLastIdea(kind)
      await kind.getByRole('button', { name: /Verder/ }).click()
    }

    await check(nl('intro.title'), 'intro')
    expect(await kind.locator('main img.step__picture').count()).toBe(1)
    // One idea per screen, each with its own picture and read-aloud: the begeleider, not the houses first.
    const ideas: [string, string | null][] = []
    const idea = kind.locator('.step--one-idea')
    for (;;) {
      const at = await idea.getAttribute('data-page')
      ideas.push([
        (await idea.locator('.prompt--idea').textContent())!.trim(),
        await idea.locator('img').getAttribute('data-picture'),
      ])
      expect(await unreadable(kind), `intro idea ${at}`).toBe(0)
      expect(await tooSmall(kind), `intro idea ${at}`).toEqual([])
      await shot(kind, `kennismaking-intro-idea${at}-phone`)
      if ((await idea.getAttribute('data-last')) === 'true') break
      await kind.locator('.kind-nav .btn--primary').click()
      await kind.waitForFunction(
        (before) => document.querySelector('.step--one-idea')?.getAttribute('data-page') !== before,
        at,
      )
    }
    expect(ideas).toEqual([
      [nl('intro.prompt'), 'carer'],
      [nl('intro.schuld'), 'heart'],
      [nl('intro.control'), 'calm'],
      [nl('intro.honest'), 'help'],
    ])
    await kind.setViewportSize(TABLET)
    await shot(kind, 'kennismaking-intro-idea3-tablet')
    await kind.setViewportSize(LAPTOP)
    await shot(kind, 'kennismaking-intro-idea3-laptop')
    await kind.setViewportSize(PHONE)
    await next()
    // The begeleider by name, with the picture they chose (sun), on its own screen.
    await check(nl('begeleider.title', { name: 'Sanne' }), 'begeleider')
    const card = kind.getByTestId('begeleider-card')
    expect(await card.locator('img').getAttribute('data-picture')).toBe('sun')
    expect(await card.textContent()).toContain('S')
    await next()
    await check(nl('slapen.title'), 'slapen')
    // answers in pictures: a child who cannot write taps one
    expect(await kind.locator('main .picture-grid .picture-btn').count()).toBeGreaterThan(3)
    await next()
    await check(nl('spelen.title'), 'spelen')
    await next()
    await check(nl('school.title'), 'school')
    await next()
    await check(nl('veilig.title'), 'veilig')
    expect(await kind.getByText(nl('veilig.zeg-het', { name: 'Sanne' })).count()).toBe(1)
    await next()
    await check(nl('deze-week.title'), 'deze-week')
    await next()
    await check(nl('vraag.title'), 'vraag')
    await next()
    await check(nl('huisdier.title'), 'huisdier')
    await kind.getByRole('button', { name: 'huisdier', exact: true }).click()
    await kind.getByRole('button', { name: 'Zet erin' }).click()
    await expect
      .poll(async () => (await sanne.get<ChildTasksOut>(`/api/workspace/children/${childId}/tasks`)).body.tasks.length)
      .toBe(1)
    await kind.setViewportSize(TABLET)
    await shot(kind, 'kennismaking-huisdier-tablet')
    await kind.setViewportSize(LAPTOP)
    await shot(kind, 'kennismaking-huisdier-laptop')
    await kind.getByRole('button', { name: /Terug/ }).click()
    await kind.getByRole('button', { name: /Terug/ }).click()
    await kind.getByRole('button', { name: /Terug/ }).click()
    await kind.getByRole('button', { name: /Terug/ }).click()
    await kind.getByRole('button', { name: /Terug/ }).click()
    await kind.getByRole('button', { name: /Terug/ }).click()
    await kind.getByRole('button', { name: /Terug/ }).click()
    await kind.getByRole('heading', { name: nl('begeleider.title', { name: 'Sanne' }) }).waitFor()
    await shot(kind, 'kennismaking-begeleider-laptop')
    await kind.setViewportSize(TABLET)
    await shot(kind, 'kennismaking-begeleider-tablet')
    await ctx.close()

    // The begeleider's child page shows the task, small and tickable; the caseload row counts it.
    const begCtx = await web.context({ viewport: LAPTOP })
    const beg = await begCtx.newPage()
    beg.setDefaultTimeout(10_000)
    await web.login(beg)
    await beg.getByTestId('task-badge').first().waitFor()
    await shot(beg, 'kennismaking-caseload-laptop')
    await beg.getByRole('link', { name: /Noor/ }).first().click()
    const task = beg.getByTestId('tasks').getByRole('checkbox', { name: 'Huisdier: opvang regelen' })
    await task.waitFor()
    await shot(beg, 'kennismaking-taak-laptop')
    await task.check()
    await expect
      .poll(
        async () => (await sanne.get<ChildTasksOut>(`/api/workspace/children/${childId}/tasks`)).body.tasks[0]!.doneAt,
      )
      .not.toBeNull()
    await begCtx.close()
  }, 180_000)
})
