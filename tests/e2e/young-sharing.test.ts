import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { OudergesprekOut } from '../../dialogs/contract/workspace'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { HttpUser } from '../helpers/server'
import { useServers } from '../helpers/use-servers'
import { toLastIdea, words } from './flow'

const d = words('nl', 'deelafspraak')

/** Text under 18px and controls under 44px among what is visible on the child's screen. */
function tooSmall(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      return (
        r.width > 0 && r.height > 0 && !el.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)')
      )
    }
    const walker = document.createTreeWalker(document.querySelector('.step-host')!, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !(n.textContent ?? '').trim() || el.closest('svg') || !visible(el)) continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < 17.95) out.push(`text ${size}px: “${(n.textContent ?? '').trim().slice(0, 30)}”`)
    }
    for (const c of document.querySelectorAll('.step-host button')) {
      if (!visible(c)) continue
      const r = c.getBoundingClientRect()
      if (r.width < 43.5 || r.height < 43.5)
        out.push(
          `control ${Math.round(r.width)}×${Math.round(r.height)}: “${(c.textContent ?? '').trim().slice(0, 30)}”`,
        )
    }
    return out
  })
}

/**
 * The youngest's deelafspraak as two questions (docs/deelafspraak.md, "For 4-7"): a four-year-old,
 * with taps only, answers "Mag mama dit weten?" and one "who" question per answer, each on its own
 * screen with a picture and read-aloud; the server keeps exactly the level those answers stand for,
 * with the parent the question named, and the preparation for mama holds what the child said yes to.
 */
describe.runIf(hasBrowser)('browser: the two sharing questions for 4-7', () => {
  const web = useBrowser()
  const { start } = useServers()

  it('a 4-7 child chooses all four levels with two questions each, by tapping', async () => {
    const server = await start({ demo: true })
    const api = await HttpUser.login(server.url, server.demo!.username, server.demo!.password)
    const childId = (
      (await api.post<CaseloadChild>('/api/workspace/children', { nickname: 'Fien', ageBand: '4-7' })).body as {
        id: string
      }
    ).id
    const profile = { present: 'mama', other: {}, flags: [] }
    expect((await api.request('PUT', `/api/parents/children/${childId}`, profile)).status).toBe(200)
    const g = (await api.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: 'drie-huizen' })).body as {
      gesprek: { id: string }
      join: { code: string }
    }
    const stored = async () => (await server.host.view(g.gesprek.id, 'kind')).view

    const ctx = await web.context({ viewport: PHONE, hasTouch: true, isMobile: true })
    const page = await ctx.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(`${server.url}/kind`)
    await page.getByLabel('Code', { exact: true }).fill(g.join.code)
    await page.getByRole('button', { name: 'Beginnen' }).tap()
    await toLastIdea(page)
    const verder = page.locator('.kind-nav').getByRole('button', { name: /^Verder( →)?$/ })
    // One picture in each house and in "Waar ben ik goed in?": four answers, all by tapping.
    const houses: [string, string][] = [
      ['Huis van goede dingen', 'huisdier'],
      ['Huis van niet-fijne dingen', 'verdrietig'],
      ['Huis van dromen', 'ster'],
      ['Waar ben ik goed in?', 'sport'],
    ]
    await verder.tap()
    for (const [i, [heading, picture]] of houses.entries()) {
      await page.getByRole('heading', { name: heading }).first().waitFor()
      await page.getByRole('button', { name: picture, exact: true }).tap()
      await verder.tap()
      await expect.poll(async () => (await stored()).items.length).toBe(i + 1)
    }
    await page.getByRole('heading', { name: 'Wie mag het weten?' }).first().waitFor()

    // No list of four choices: one question, two big answers, each with a picture and read-aloud.
    expect(await page.getByRole('radio').count()).toBe(0)
    const question = page.getByTestId('young-question')
    const answer = (name: string) => page.getByTestId('young-choices').getByRole('button', { name, exact: true })
    const ask = async (text: string, where: string) => {
      await expect.poll(() => question.textContent()).toContain(text)
      // Read-aloud and a picture on the question and on each of the two answers.
      expect(await question.locator('.read-aloud').count(), `${where}: read-aloud`).toBe(1)
      expect(await question.locator('img').count(), `${where}: picture`).toBe(1)
      const choices = await page.getByTestId('young-choices').locator('.young-choice__wrap').all()
      expect(choices, where).toHaveLength(2)
      for (const c of choices) {
        expect(await c.locator('.young-choice img').count(), `${where}: a picture on each answer`).toBe(1)
        expect(await c.locator('.read-aloud').count(), `${where}: read-aloud on each answer`).toBe(1)
      }
      expect(await tooSmall(page), where).toEqual([])
    }
    const mamaQ = d('young.parentQuestion.mama')
    const plan: { picture: string; parent: 'Ja' | 'Nee'; who: string; level: string }[] = [
      { picture: 'huisdier', parent: 'Ja', who: d('young.tellSelf'), level: 'zelf-vertellen' },
      { picture: 'verdrietig', parent: 'Ja', who: d('young.tellBegeleider'), level: 'begeleider-vertelt' },
      { picture: 'ster', parent: 'Nee', who: d('young.seeBoth'), level: 'begeleider' },
      { picture: 'sport', parent: 'Nee', who: d('young.seeMe'), level: 'alleen-ik' },
    ]
    for (const [i, step] of plan.entries()) {
      const where = `answer ${i + 1}`
      expect(await page.getByTestId('share-item').textContent(), where).toContain(step.picture)
      await ask(mamaQ, `${where}, question 1`)
      // Who else never hears it, beside the question.
      await page.getByText(d('otherParent', { ander: 'Papa' })).waitFor()
      if (i === 0)
        for (const [name, size] of [
          ['phone', PHONE],
          ['tablet', TABLET],
          ['laptop', LAPTOP],
        ] as const) {
          await page.setViewportSize(size)
          await shot(page, `young-share-q1-${name}`)
        }
      await page.setViewportSize(PHONE)
      await answer(step.parent === 'Ja' ? d('young.yes') : d('young.no')).tap()
      const second = step.parent === 'Ja' ? d('young.whoTells.mama') : d('young.whoSees')
      await ask(second, `${where}, question 2`)
      if (step.parent === 'Nee') await page.getByText(d('young.seen.mama')).waitFor()
      if (i === 0 || i === 2)
        for (const [name, size] of [
          ['tablet', TABLET],
          ['laptop', LAPTOP],
          ['phone', PHONE],
        ] as const) {
          await page.setViewportSize(size)
          await shot(page, `young-share-q2-${step.parent === 'Ja' ? 'ja' : 'nee'}-${name}`)
        }
      await answer(step.who).tap()
      // The server keeps the level these answers stand for, and "mama" with a parent level.
      await expect
        .poll(async () => {
          const item = (await stored()).items[i]!
          return [item.share, item.chosen, item.shareTo ?? null]
        })
        .toEqual([step.level, true, step.level.includes('vertel') ? 'mama' : null])
      await page.getByTestId('young-done').waitFor()
      expect(await tooSmall(page), `${where}, done`).toEqual([])
      if (i === 0) {
        await shot(page, 'young-share-done-phone')
        await page.setViewportSize(TABLET)
        await shot(page, 'young-share-done-tablet')
        await page.setViewportSize(LAPTOP)
        await shot(page, 'young-share-done-laptop')
        await page.setViewportSize(PHONE)
        // Another go: the two questions again, the earlier choice kept until a new one is made.
        await page.getByRole('button', { name: d('young.again'), exact: true }).tap()
        await ask(mamaQ, 'again')
        expect((await stored()).items[0]!.share).toBe('zelf-vertellen')
        await answer(d('young.yes')).tap()
        await answer(d('young.tellSelf')).tap()
        await page.getByTestId('young-done').waitFor()
      }
      if (i + 1 < plan.length)
        await page
          .getByTestId('young-done')
          .getByRole('button', { name: /Volgende/ })
          .tap()
    }
    // The preparation for mama: the two "ja" answers, as the child split them; nothing for papa.
    const prep = (await api.get(`/api/workspace/children/${childId}/oudergesprek`)).body as OudergesprekOut
    expect(prep.zelfVertellen.map((p) => p.item.pictures)).toEqual([['pet']])
    expect(prep.begeleiderVertelt.map((p) => p.item.pictures)).toEqual([['sad']])
    const papa = (await api.get(`/api/workspace/children/${childId}/oudergesprek?ouder=papa`)).body as OudergesprekOut
    expect([...papa.zelfVertellen, ...papa.begeleiderVertelt]).toEqual([])
    // And the begeleider sees the third, not the fourth ("alleen ik").
    const seen = (await server.host.view(g.gesprek.id, 'begeleider')).view.items.map((i) => i.pictures[0])
    expect(seen).toEqual(['pet', 'sad', 'star'])
    await verder.tap()
    await page.getByTestId('keepsake').waitFor()
    await ctx.close()
  }, 180_000)
})
