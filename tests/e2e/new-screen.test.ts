import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { JoinCodeOut, NewGesprekOut } from '../../dialogs/contract/http'
import { describe, expect, it } from 'vitest'
import { hasBrowser, LAPTOP, launch, PHONE, shot, TABLET } from '../helpers/browser'
import { redeemJoinCode } from '../../server/auth/join-codes'
import { connected, emitAck } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded, open } = useServers()

describe.runIf(hasBrowser)('browser: "Mag dit scherm ook meedoen?" on the child\'s own screen', () => {
  it('asks calmly, at every size, and a no ends the other screen', async () => {
    const { server, sanne } = await startSeeded()
    const child = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })
    const browser = await launch()
    try {
      for (const [size, viewport] of [
        ['phone', PHONE],
        ['tablet', TABLET],
        ['laptop', LAPTOP],
      ] as const) {
        const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: child.body.id, toolId: 'drie-huizen' })
        const gesprekId = g.body.gesprek.id
        const page = await browser.newPage({ viewport })
        await page.goto(`${server.url}/kind`)
        await page.getByLabel('Code', { exact: true }).fill(g.body.join!.code)
        await page.getByRole('button', { name: 'Beginnen' }).click()
        // Joined: the greeting is in the page (on a phone it gives way to the top bar's buttons, so not visible).
        await page.getByText('Hoi Mo!').waitFor({ state: 'attached' })
        // A begeleider makes a second code and uses it elsewhere.
        const code = await sanne.post<JoinCodeOut>(`/api/gesprekken/${gesprekId}/join-code`)
        // Redeemed in-process: the HTTP join is limited to 5 a minute per address (three pages use it here).
        const other = await redeemJoinCode(server.deps, String(code.body.code).replace('-', ''))
        expect(other.trusted).toBe(false)
        const s = open(server.url, { token: other.token })
        await connected(s)
        const gone = new Promise<void>((r) => s.once('disconnect', () => r()))
        expect((await emitAck(s, 'gesprek:join', { gesprekId })).ok).toBe(true)
        const dialog = page.getByRole('dialog', { name: 'Mag dit scherm ook meedoen?' })
        await dialog.waitFor()
        const no = dialog.getByRole('button', { name: 'Nee' })
        expect((await no.boundingBox())!.height).toBeGreaterThanOrEqual(44)
        await shot(page, `new-screen-ask-${size}`)
        await no.click()
        await gone
        await dialog.waitFor({ state: 'detached' })
        await page.close()
      }
    } finally {
      await browser.close()
    }
  }, 120_000)
})
