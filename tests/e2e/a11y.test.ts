import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { seriousViolations, type Violation } from '../helpers/axe'
import { useBrowser } from '../helpers/use-browser'
import { hasBrowser, LAPTOP, PHONE, shot, TABLET } from '../helpers/browser'
import { connect, connected, emitAck, HttpUser, msgId, type TestSocket } from '../helpers/server'
import { toLastIdea, words } from './flow'

describe.runIf(hasBrowser)('browser: axe on every child, kamer and begeleider screen', () => {
  const web = useBrowser({ seeded: true })
  const sockets: TestSocket[] = []
  afterAll(() => {
    for (const s of sockets) s.disconnect()
  })

  const found: Record<string, Violation[]> = {}
  const check = async (page: Page, name: string) => {
    const v = await seriousViolations(page)
    if (v.length) found[name] = v
  }

  async function page(viewport = PHONE): Promise<Page> {
    const ctx = await web.context({ viewport, hasTouch: true })
    const p = await ctx.newPage()
    p.setDefaultTimeout(10_000)
    return p
  }

  async function start(nickname: string, ageBand: string, toolId: string) {
    const childId = await web.newChild(nickname, ageBand)
    const g = await web.sanne.post<NewGesprekOut>('/api/gesprekken', { childId, toolId })
    const body = g.body as { gesprek: { id: string }; join: { code: string } | null }
    return { childId, gesprekId: body.gesprek.id, code: body.join?.code ?? '' }
  }

  /** Every step of a tool, as the child goes through it: axe on each screen, and on the pause screen. */
  async function walkTool(lng: string, toolId: string, ageBand: string, nickname: string) {
    const c = words(lng, 'common')
    const { code } = await start(nickname, ageBand, toolId)
    const p = await page(TABLET)
    await p.goto(`${web.server.url}/kind?lang=${lng}#${code.replace('-', '')}`)
    await p.locator('.kind-bar').waitFor()
    // The join screen says "Hoi!" in an h1 too, until the code from the link is redeemed: wait for the step.
    await p.locator('.step-host h1').first().waitFor()
    expect(await p.evaluate(() => document.documentElement.lang)).toBe(lng)
    const titles = new Set<string>()
    let pausedChecked = false
    for (let step = 0; step < 14; step++) {
      await p.locator('main h1').first().waitFor()
      const title = (await p.locator('main h1').first().textContent()) ?? ''
      titles.add(title)
      await check(p, `${lng} kind ${toolId} step ${step} (${title})`)
      if (!pausedChecked && step === 1) {
        await p.getByRole('button', { name: c('nav.pause'), exact: true }).click()
        await p.getByRole('heading', { name: c('pausedTitle') }).waitFor()
        await check(p, `${lng} kind ${toolId} paused`)
        await p.getByRole('button', { name: c('nav.resume'), exact: true }).click()
        pausedChecked = true
        await p.getByRole('heading', { name: title }).first().waitFor()
      }
      // A 4-7 intro turns its ideas one by one under the same heading; each is checked on the way.
      if (await p.locator('.step--one-idea').count()) {
        await toLastIdea(p)
        await check(p, `${lng} kind ${toolId} step ${step} (${title}), last idea`)
      }
      const next = p.locator('.kind-nav').getByRole('button', { name: c('nav.next'), exact: true })
      const skip = p.locator('.kind-nav').getByRole('button', { name: c('nav.skip'), exact: true })
      if ((await next.count()) && (await next.isEnabled())) await next.click()
      else if ((await skip.count()) && (await skip.isEnabled())) await skip.click()
      else break
      await p.waitForFunction((t) => document.querySelector('main h1')?.textContent !== t, title)
    }
    // the walk really went through the tool: its screens, to the closing
    expect(titles.size, `${toolId}: ${[...titles].join(' | ')}`).toBeGreaterThanOrEqual(4)
    await shot(p, `a11y-${lng}-${toolId}-last-tablet`)
    return p
  }

  for (const lng of ['nl', 'ar'] as const) {
    it(`${lng}: child screens of every tool have no serious or critical violations`, async () => {
      const join = await page()
      await join.goto(`${web.server.url}/kind?lang=${lng}`)
      await join.getByRole('heading', { name: words(lng, 'common')('kind.welcome') }).waitFor()
      await check(join, `${lng} kind join`)
      await join.getByRole('button', { name: words(lng, 'common')('language.choose') }).click()
      await check(join, `${lng} kind join picker open`)

      const dh = await walkTool(lng, 'drie-huizen', '8-12', `Dh${lng}`)
      // the sharing panel, from the child's tools above the step (no longer in the top bar)
      await dh
        .locator('.kind-tools')
        .getByRole('button', { name: words(lng, 'deelafspraak')('open') })
        .click()
      await check(dh, `${lng} kind sharing panel`)
      await walkTool(lng, 'stoplicht', '4-7', `St${lng}`)
      await walkTool(lng, 'mijn-netwerk', '12-15', `Mn${lng}`)
      await walkTool(lng, 'mijn-kamer', '16-18', `Mk${lng}`)
      expect(found).toEqual({})
    }, 240_000)

    it(`${lng}: kamer screens have no serious or critical violations`, async () => {
      const k = words(lng, 'kamer')
      const childId = (
        (await web.sanne.post<CaseloadChild>('/api/workspace/children', { nickname: `Ka${lng}`, ageBand: '12-15' }))
          .body as {
          id: string
        }
      ).id
      const code = ((await web.sanne.post(`/api/kamer/children/${childId}/invite`)).body as { code: string }).code
      const p = await page()
      await p.goto(`${web.server.url}/kamer?lang=${lng}`)
      await p.locator('main').waitFor()
      await check(p, `${lng} kamer entry`)
      await p.getByRole('button', { name: k('open.haveCode') }).click()
      await p.getByLabel(k('invite.code')).fill(code)
      await check(p, `${lng} kamer invite`)
      await p.getByRole('button', { name: k('invite.check'), exact: true }).click()
      await p.getByLabel(k('invite.name')).fill(`Blauwe vogel ${lng}`)
      await p.getByLabel(k('invite.secret')).fill('482915')
      await p.getByLabel(k('invite.again')).fill('482915')
      await check(p, `${lng} kamer setup`)
      await p.getByRole('button', { name: k('invite.submit') }).click()
      await p.getByRole('heading', { name: k('safety.title') }).waitFor()
      await check(p, `${lng} kamer safety`)
      await p.getByRole('button', { name: k('safety.ok') }).click()
      await p.getByRole('heading', { name: k('room.title') }).waitFor()
      await check(p, `${lng} kamer home`)
      await p.locator('.kamer-tile').first().click()
      // The tool's own screen, with its version's words (the room's heading is an h1 too).
      await p.locator('.kamer-tool .step-host h1').first().waitFor()
      await check(p, `${lng} kamer tool`)
      expect(found).toEqual({})
    }, 120_000)
  }

  for (const lng of ['nl', 'en'] as const) {
    it(`${lng}: begeleider screens (with answers in Arabic) have no serious or critical violations`, async () => {
      const { childId, gesprekId, code } = await start(`Be${lng}`, '8-12', 'drie-huizen')
      // The child answers in Arabic: the workspace shows those words beside the Dutch prompt.
      const token = (
        (await new HttpUser(web.server.url).post<KindJoinOut>('/api/kind/join', { code })).body as { token: string }
      ).token
      const kind: TestSocket = connect(web.server.url, { token })
      sockets.push(kind)
      await connected(kind)
      await emitAck(kind, 'gesprek:join', { gesprekId })
      for (const event of [
        { type: 'nav.next' },
        { type: 'item.add', item: { id: `a11y-ar-${lng}-1`, text: 'أحب كلبي', pictures: ['pet'], lang: 'ar' } },
        { type: 'item.add', item: { id: `a11y-ar-${lng}-2`, text: 'Oma Riet', lang: 'ar' } },
      ]) {
        const ack = await emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
        expect(ack.ok).toBe(true)
      }
      await web.sanne.post(`/api/gesprekken/${gesprekId}/join-code`, { lang: 'ar' })
      const parents = {
        present: 'mama',
        other: { contact: 'begeleid' },
        flags: [{ person: 'Papa', flags: ['geheim-adres'] }],
      }
      expect((await web.sanne.request('PUT', `/api/parents/children/${childId}`, parents)).status).toBe(200)
      const admin = await HttpUser.login(web.server.url, 'admin-a')
      const p = await page(LAPTOP)
      await p.goto(`${web.server.url}/begeleider?lang=${lng}`)
      await check(p, `${lng} begeleider login`)
      await p
        .context()
        .addCookies([{ name: 'kg_session', value: web.sanne.cookie.split('=')[1]!, url: web.server.url }])
      for (const [name, path] of [
        ['caseload', '/begeleider'],
        ['child', `/begeleider/kind/${childId}`],
        ['live', `/begeleider/gesprek/${gesprekId}`],
        ['history', `/begeleider/kind/${childId}/geschiedenis`],
        ['oudergesprek', `/begeleider/kind/${childId}/oudergesprek`],
        ['handout', `/begeleider/kind/${childId}/afdruk`],
        // Each parent apart: the preparation and sheet for the parent who did not come along.
        ['oudergesprek for the other parent', `/begeleider/kind/${childId}/oudergesprek?ouder=papa`],
        ['handout for the other parent', `/begeleider/kind/${childId}/afdruk?ouder=papa`],
      ] as const) {
        await p.goto(`${web.server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lng}`)
        await p.locator('main, [data-testid="handout"]').first().waitFor()
        await p.waitForLoadState('networkidle')
        await check(p, `${lng} begeleider ${name}`)
        if (lng === 'nl') await shot(p, `a11y-begeleider-${name}-laptop`)
      }
      await p.context().addCookies([{ name: 'kg_session', value: admin.cookie.split('=')[1]!, url: web.server.url }])
      await p.goto(`${web.server.url}/begeleider/beheer?lang=${lng}`)
      await p.locator('main h1').first().waitFor()
      await p.waitForLoadState('networkidle')
      await check(p, `${lng} begeleider beheer`)
      expect(found).toEqual({})
    }, 120_000)
  }
})
