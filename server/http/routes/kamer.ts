import { Hono } from 'hono'
import QRCode from 'qrcode'
import { CATALOG } from '../../../dialogs/catalog'
import { CodedError } from '../../../dialogs/contract/errors'
import type { JoinCodeOut } from '../../../dialogs/contract/http'
import type { AgeBand, Living } from '../../../dialogs/contract/ids'
import {
  KamerInviteCheckBody,
  KamerOpenBody,
  KamerOverview,
  KamerSetupBody,
  NewKamerGesprekBody,
  type KamerGesprek,
  type KamerMe,
  type KamerNotice,
  type KamerTokenOut,
} from '../../../dialogs/contract/kamer'
import { ReceiptOut } from '../../../dialogs/contract/receipt'
import { receiptFor, recordAccess, recordKamerEntry, stepsInView } from '../../audit/access-log'
import { childForBegeleider } from '../../auth/access'
import { formatJoinCode } from '../../auth/join-codes'
import {
  checkKamerInvite,
  createKamerInvite,
  KAMER_BANDS,
  KAMER_IDLE_MS,
  kamerPrincipal,
  lockKamerToken,
  openKamer,
  setupKamer,
  touchKamer,
  type KamerTokenIssued,
} from '../../auth/kamer'
import { admitCodeTry, codeTryFailed } from '../../auth/limits'
import type { KamerPrincipal } from '../../auth/principal'
import { iso } from '../../clock'
import type { Deps } from '../../deps'
import type { GesprekHost } from '../../gesprek/host'
import { hashToken } from '../../ids'
import { LOCKS, withKeyedLock } from '../../store/locks'
import { body, clientIp, requireBegeleider, type Ctx, type Env } from '../context'
import type { Hooks } from '../hooks'
import { publicOrigin } from '../security'

const bearer = (c: Ctx) => {
  const header = c.req.header('authorization') ?? ''
  return header.startsWith('Bearer ') ? header.slice(7) : undefined
}

/** Every call with a kamer token is activity: it re-checks the idle lock and moves it on. */
async function requireKamer(c: Ctx): Promise<KamerPrincipal & { kamerId: string }> {
  const p = await kamerPrincipal(c.var.deps, bearer(c))
  if (!p || !(await touchKamer(c.var.deps, p))) throw new CodedError('session_expired', 401)
  return p
}

const kamerToolsFor = (ageBand: string) =>
  CATALOG.filter((t) => t.settings.includes('kamer') && t.ageBands.includes(ageBand as AgeBand)).map((t) => t.id)

/**
 * The jongere's kamer (docs/kamer.md): invites made by the begeleider, name + PIN for the jongere,
 * the kamer's own gesprekken, and what the begeleider sees of what was shared.
 */
export function kamerRoutes(deps: Deps, host: GesprekHost, hooks: Hooks) {
  // Invites are join codes: ≤ 10 wrong tries a minute per source and a global ceiling (SEC-03).
  const inviteTry = async <T>(c: Ctx, work: () => Promise<T>): Promise<T> => {
    const address = clientIp(c)
    if (!(await admitCodeTry(deps.limits, 'invite', address, 10, 300))) throw new CodedError('rate_limited', 429)
    return work().catch(async (err: unknown) => {
      if (err instanceof CodedError && err.code.startsWith('code_')) await codeTryFailed(deps.limits, 'invite', address)
      throw err
    })
  }
  // One kamer gesprek per tool: two taps on a slow phone must not make two.
  const creating = new Map<string, Promise<string>>()

  const tokenOut = (issued: KamerTokenIssued): KamerTokenOut => {
    // A new visit or a reset closes every earlier one, on every device.
    for (const tokenHash of issued.revoked)
      hooks.sessionEnded({ role: 'kind', childId: issued.childId, kamer: true, tokenHash }, 'locked')
    return { token: issued.token, idleMs: KAMER_IDLE_MS }
  }

  /** Every kamer gesprek of a child, of every kamer it had: what the begeleider may see of them is shared. */
  const kamerGesprekken = (childId: string) =>
    deps.db
      .selectFrom('gesprekken')
      .select(['id', 'tool_id'])
      .where('child_id', '=', childId)
      .where('setting', '=', 'kamer')
      .orderBy('created_at')
      .execute()

  /** The gesprekken of one kamer: what the jongere sees in the kamer they opened. */
  const gesprekkenOfKamer = (kamerId: string) =>
    deps.db
      .selectFrom('gesprekken')
      .innerJoin('kamer_gesprekken', 'kamer_gesprekken.gesprek_id', 'gesprekken.id')
      .select(['gesprekken.id', 'gesprekken.tool_id'])
      .where('kamer_gesprekken.kamer_id', '=', kamerId)
      .orderBy('gesprekken.created_at')
      .execute()

  /** What the begeleider may see of a kamer: the one projection, per kamer gesprek. */
  async function sharedOf(childId: string) {
    const shared: KamerOverview['shared'] = []
    for (const g of await kamerGesprekken(childId)) {
      const { view } = await host.view(g.id, 'begeleider')
      if (view.items.length > 0) shared.push({ gesprekId: g.id, toolId: g.tool_id, items: view.items })
    }
    return shared
  }

  /**
   * A new kamer gesprek, sealed under the open kamer's key (docs/kamer.md), with the begeleider's copy
   * (empty at first) written before anyone can see the gesprek.
   */
  async function createSealed(
    p: KamerPrincipal & { kamerId: string },
    toolId: string,
    ageBand: AgeBand,
    living: Living,
  ) {
    const key = deps.kamerKeys.get(p.kamerId)
    if (!key) throw new CodedError('session_expired', 401)
    const id = await host.create({ childId: p.childId, toolId, setting: 'kamer', ageBand, living, sealWith: key })
    await deps.db
      .insertInto('kamer_gesprekken')
      .values({ gesprek_id: id, kamer_id: p.kamerId, sealed: 'kamer' })
      .execute()
    deps.kamerKeys.registerSealed(id, p.childId)
    const { seq, view } = await host.view(id, 'begeleider')
    const { view: oudergesprek } = await host.view(id, 'oudergesprek')
    await deps.kamerKeys.recordShared(id, p.childId, seq, { begeleider: view, oudergesprek })
    return id
  }

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
        const child = await deps.db
          .selectFrom('children')
          .select('age_band')
          .where('id', '=', p.childId)
          .executeTakeFirstOrThrow()
        const gesprekken: KamerGesprek[] = (await gesprekkenOfKamer(p.kamerId)).map((g) => ({
          id: g.id,
          toolId: g.tool_id,
        }))
        const me: KamerMe = { idleMs: KAMER_IDLE_MS, tools: kamerToolsFor(child.age_band), gesprekken }
        return c.json(me)
      })
      .post('/gesprekken', async (c) => {
        const p = await requireKamer(c)
        const { toolId } = await body(c, NewKamerGesprekBody)
        const key = `${p.childId}:${toolId}`
        let job = creating.get(key)
        if (!job) {
          // Across nodes too: the second tap may reach another node; there the kamer's lock makes it wait.
          job = withKeyedLock(deps.db, LOCKS.kamerGesprek, `${p.kamerId}:${toolId}`, async () => {
            const child = await deps.db
              .selectFrom('children')
              .select(['age_band', 'living'])
              .where('id', '=', p.childId)
              .executeTakeFirstOrThrow()
            if (!kamerToolsFor(child.age_band).includes(toolId)) throw new CodedError('not_allowed_now', 400)
            const existing = (await gesprekkenOfKamer(p.kamerId)).find((g) => g.tool_id === toolId)
            if (existing) return existing.id
            return createSealed(p, toolId, child.age_band, child.living)
          }).finally(() => creating.delete(key))
          creating.set(key, job)
        }
        const id = await job
        return c.json({ id, toolId } satisfies KamerGesprek)
      })
      .post('/touch', async (c) => {
        await requireKamer(c)
        return c.json({ ok: true })
      })
      .post('/lock', async (c) => {
        // Any token, valid or not: locking twice or after the idle lock is still a lock.
        const token = bearer(c)
        if (token && token.length <= 100) {
          const tokenHash = hashToken(token)
          await lockKamerToken(deps, tokenHash)
          const row = await deps.db
            .selectFrom('kamer_tokens')
            .select('child_id')
            .where('token_hash', '=', tokenHash)
            .executeTakeFirst()
          if (row) hooks.sessionEnded({ role: 'kind', childId: row.child_id, kamer: true, tokenHash }, 'locked')
        }
        // Belt and braces on the phone: the browser drops this site's cache and storage (SEC-12).
        c.header('Clear-Site-Data', '"cache", "storage"')
        return c.json({ ok: true })
      })
      .get('/receipt', async (c) => {
        const p = await requireKamer(c)
        return c.json(ReceiptOut.parse({ entries: await receiptFor(deps, p.childId) }))
      })
      // ── the begeleider ──
      .post('/children/:childId/invite', async (c) => {
        const p = await requireBegeleider(c)
        const child = await childForBegeleider(deps, p, c.req.param('childId'))
        const { code, expiresAt } = await createKamerInvite(deps, p, child)
        const origin = publicOrigin(deps, c.req.url)
        // In the fragment: the code never reaches a server log or a Referer header.
        const qrSvg = await QRCode.toString(`${origin}/kamer#${code}`, {
          type: 'svg',
          margin: 1,
          errorCorrectionLevel: 'M',
        })
        return c.json({ code: formatJoinCode(code), expiresAt, qrSvg } satisfies JoinCodeOut, 201)
      })
      .get('/children/:childId', async (c) => {
        const p = await requireBegeleider(c)
        const child = await childForBegeleider(deps, p, c.req.param('childId'))
        const kamer = await deps.db
          .selectFrom('kamers')
          .select('id')
          .where('child_id', '=', child.id)
          .where((eb) => eb.or([eb('key_sealed', 'is not', null), eb('legacy_secret_hash', 'is not', null)]))
          .executeTakeFirst()
        const shared = await sharedOf(child.id)
        // Logged before anything is answered: the jongere's receipt shows this look (SEC-08).
        for (const s of shared)
          await recordAccess(deps, {
            begeleiderId: p.begeleiderId,
            childId: child.id,
            gesprekId: s.gesprekId,
            what: 'gesprek',
            stepIds: stepsInView(s),
          })
        const ids = shared.flatMap((s) => s.items.map((i) => i.id))
        const seen = await deps.db
          .selectFrom('kamer_seen')
          .select('item_ids')
          .where('child_id', '=', child.id)
          .where('begeleider_id', '=', p.begeleiderId)
          .executeTakeFirst()
        const before = new Set(seen ? (JSON.parse(seen.item_ids) as string[]) : [])
        await deps.db
          .insertInto('kamer_seen')
          .values({
            child_id: child.id,
            begeleider_id: p.begeleiderId,
            item_ids: JSON.stringify(ids),
            seen_at: iso(deps.clock),
          })
          .onConflict((oc) =>
            oc
              .columns(['child_id', 'begeleider_id'])
              .doUpdateSet({ item_ids: JSON.stringify(ids), seen_at: iso(deps.clock) }),
          )
          .execute()
        const overview: KamerOverview = {
          available: KAMER_BANDS.includes(child.age_band),
          open: Boolean(kamer),
          shared,
          newItemIds: ids.filter((id) => !before.has(id)),
        }
        return c.json(KamerOverview.parse(overview))
      })
      .get('/notices', async (c) => {
        const p = await requireBegeleider(c)
        // Cheap first: kamers of this team where the jongere changed a share since this begeleider looked.
        const candidates = await deps.db
          .selectFrom('children')
          .innerJoin('gesprekken', (j) =>
            j.onRef('gesprekken.child_id', '=', 'children.id').on('gesprekken.setting', '=', 'kamer'),
          )
          .innerJoin('gesprek_events', (j) =>
            j
              .onRef('gesprek_events.gesprek_id', '=', 'gesprekken.id')
              .on('gesprek_events.type', '=', 'share.set')
              .on('gesprek_events.actor_role', '=', 'kind'),
          )
          .leftJoin('kamer_seen', (j) =>
            j.onRef('kamer_seen.child_id', '=', 'children.id').on('kamer_seen.begeleider_id', '=', p.begeleiderId),
          )
          .select(['children.id', 'children.nickname', 'kamer_seen.item_ids'])
          .where('children.organisation_id', '=', p.organisationId)
          .where('children.team_id', '=', p.teamId)
          .where('children.key_wrapped', 'is not', null)
          .where((eb) =>
            eb.or([
              eb('kamer_seen.seen_at', 'is', null),
              eb('gesprek_events.created_at', '>=', eb.ref('kamer_seen.seen_at')),
            ]),
          )
          .groupBy(['children.id', 'children.nickname', 'kamer_seen.item_ids'])
          .execute()
        // Then exact: is anything visible now that was not visible at the last look? (A take-back is not news.)
        const notices: KamerNotice[] = []
        for (const row of candidates) {
          const before = new Set(row.item_ids ? (JSON.parse(row.item_ids) as string[]) : [])
          const shared = await sharedOf(row.id)
          // How many answers are new since the last look: the caseload row says "2 nieuw uit de kamer".
          const count = shared.reduce((n, s) => n + s.items.filter((i) => !before.has(i.id)).length, 0)
          if (count > 0) notices.push({ childId: row.id, nickname: row.nickname, count })
        }
        return c.json(notices)
      })
  )
}
