import { Hono } from 'hono'
import * as z from 'zod'
import { CodedError } from '../../../dialogs/contract/errors'
import type { JoinCodeOut } from '../../../dialogs/contract/http'
import {
  KamerInviteCheckBody,
  KamerOpenBody,
  KamerOverview,
  KamerSetupBody,
  KamerToolOut,
  NewKamerGesprekBody,
  type KamerGesprek,
  type KamerMe,
  type KamerTokenOut,
} from '../../../dialogs/contract/kamer'
import { GesprekId, Lang } from '../../../dialogs/contract/ids'
import { ReceiptOut } from '../../../dialogs/contract/receipt'
import { gesprekFor } from '../../auth/access'
import { receiptFor, recordKamerEntry } from '../../audit/access-log'
import {
  checkKamerInvite,
  createKamerInvite,
  KAMER_IDLE_MS,
  lockKamerToken,
  openKamer,
  setupKamer,
  type KamerTokenIssued,
} from '../../auth/kamer'
import { admitCodeTry, codeTryFailed } from '../../auth/limits'
import { formatCode } from '../../auth/single-use'
import type { Deps } from '../../deps'
import type { GesprekHost } from '../../gesprek/host'
import { hashToken } from '../../ids'
import { gesprekkenOfKamer, kamerGesprekOpener, kamerToolsFor } from '../../kamer/gesprekken'
import { kamerNotices, kamerOverview, kamerTokenChild } from '../../kamer/overview'
import { kamerToolTexts } from '../../kamer/tool-texts'
import { childBegeleider } from '../../workspace/child-begeleider'
import { bearerToken, requireKamer } from '../bearer'
import { childScope } from '../child-scope'
import { body, clientIp, requireBegeleider, type Ctx, type Env } from '../context'
import type { Hooks } from '../hooks'
import { codeQr } from '../qr'

/**
 * The jongere's kamer (docs/kamer.md): invites made by the begeleider, name + PIN for the jongere,
 * the kamer's own gesprekken, and what the begeleider sees of what was shared.
 */
const ToolTextsParams = z.strictObject({ gesprekId: GesprekId, lang: Lang })

export function kamerRoutes(deps: Deps, host: GesprekHost, hooks: Hooks) {
  // Invites are single-use codes: ≤ 10 wrong tries a minute per source and a global ceiling (docs/security.md).
  const inviteTry = async <T>(c: Ctx, work: () => Promise<T>): Promise<T> => {
    const address = clientIp(c)
    if (!(await admitCodeTry(deps.limits, 'invite', address, 10, 300))) throw new CodedError('rate_limited', 429)
    return work().catch(async (err: unknown) => {
      if (err instanceof CodedError && err.code.startsWith('code_')) await codeTryFailed(deps.limits, 'invite', address)
      throw err
    })
  }
  const tokenOut = (issued: KamerTokenIssued): KamerTokenOut => {
    // A new visit or a reset closes every earlier one, on every device.
    for (const tokenHash of issued.revoked)
      hooks.sessionEnded({ role: 'kind', childId: issued.childId, kamer: true, tokenHash }, 'locked')
    return { token: issued.token, idleMs: KAMER_IDLE_MS }
  }
  const openGesprek = kamerGesprekOpener(deps, host)
  const scoped = childScope('childId')

  return (
    new Hono<Env>()
      // ── the jongere, before the kamer is open ──
      .post('/invite/check', async (c) => {
        await inviteTry(c, async () => {
          const { code } = await body(c, KamerInviteCheckBody).catch(() => {
            throw new CodedError('code_invalid', 400)
          })
          await checkKamerInvite(deps, code)
        })
        return c.json({ ok: true })
      })
      .post('/setup', async (c) => {
        const issued = await inviteTry(c, async () => {
          const { code, name, secret } = await body(c, KamerSetupBody)
          return setupKamer(deps, code, name, secret)
        })
        deps.log.info('kamer set up', { child: issued.childId })
        // No receipt line, no token: the jongere must be able to see every way into their kamer.
        await recordKamerEntry(deps, issued.childId, 'kamer-setup')
        return c.json(tokenOut(issued))
      })
      .post('/open', async (c) => {
        const { name, secret } = await body(c, KamerOpenBody)
        const issued = await openKamer(deps, name, secret, clientIp(c))
        await recordKamerEntry(deps, issued.childId, 'kamer-open')
        return c.json(tokenOut(issued))
      })
      // ── the jongere, inside the kamer (kamer token in the Authorization header, never a cookie) ──
      .get('/me', async (c) => {
        const p = await requireKamer(c)
        const { ageBand, ...begeleider } = await childBegeleider(deps, p.childId)
        const gesprekken: KamerGesprek[] = (await gesprekkenOfKamer(deps, p.kamerId)).map((g) => ({
          id: g.id,
          toolId: g.tool_id,
        }))
        const me: KamerMe = { idleMs: KAMER_IDLE_MS, tools: kamerToolsFor(ageBand), gesprekken, ...begeleider }
        return c.json(me)
      })
      .post('/gesprekken', async (c) => {
        const p = await requireKamer(c)
        const { toolId } = await body(c, NewKamerGesprekBody)
        const id = await openGesprek(p, toolId)
        return c.json({ id, toolId } satisfies KamerGesprek)
      })
      // The words of one of the kamer's own gesprekken, in one language (ADR 0145). Another kamer's
      // gesprek, a guided one, or an id that does not parse are all the same `not_found`: nothing to probe.
      .get('/gesprekken/:gesprekId/tool/:lang', async (c) => {
        const p = await requireKamer(c)
        const parsed = ToolTextsParams.safeParse(c.req.param())
        if (!parsed.success) throw new CodedError('not_found', 404)
        const row = await gesprekFor(deps, p, parsed.data.gesprekId)
        return c.json(KamerToolOut.parse(await kamerToolTexts(deps, row.id, parsed.data.lang)))
      })
      .post('/touch', async (c) => {
        await requireKamer(c)
        return c.json({ ok: true })
      })
      .post('/lock', async (c) => {
        // Any token, valid or not: locking twice or after the idle lock is still a lock.
        const token = bearerToken(c)
        if (token && token.length <= 100) {
          const tokenHash = hashToken(token)
          await lockKamerToken(deps, tokenHash)
          const childId = await kamerTokenChild(deps, tokenHash)
          if (childId) hooks.sessionEnded({ role: 'kind', childId, kamer: true, tokenHash }, 'locked')
        }
        // Belt and braces on a shared phone: the browser drops this site's cache and storage too, so the
        // kamer leaves no traces behind (docs/kamer.md).
        c.header('Clear-Site-Data', '"cache", "storage"')
        return c.json({ ok: true })
      })
      .get('/receipt', async (c) => {
        const p = await requireKamer(c)
        return c.json(ReceiptOut.parse({ entries: await receiptFor(deps, p.childId) }))
      })
      // ── the begeleider ──
      .post('/children/:childId/invite', scoped, async (c) => {
        const { code, expiresAt } = await createKamerInvite(deps, c.var.begeleider, c.var.child)
        const qrSvg = await codeQr(deps, c.req.url, '/kamer', code)
        return c.json({ code: formatCode(code), expiresAt, qrSvg } satisfies JoinCodeOut, 201)
      })
      .get('/children/:childId', scoped, async (c) =>
        c.json(KamerOverview.parse(await kamerOverview(deps, host, c.var.begeleider, c.var.child))),
      )
      .get('/notices', async (c) => c.json(await kamerNotices(deps, host, await requireBegeleider(c))))
  )
}
