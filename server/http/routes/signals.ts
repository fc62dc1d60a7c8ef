import { Hono } from 'hono'
import { CodedError } from '../../../dialogs/contract/errors'
import { FollowUpBody, type CaseloadSignalsOut } from '../../../dialogs/contract/signals'
import { recordAccess } from '../../audit/access-log'
import { childForBegeleider } from '../../auth/access'
import { kamerPrincipal, touchKamer } from '../../auth/kamer'
import type { Deps } from '../../deps'
import type { GesprekHost } from '../../gesprek/host'
import { addFollowUp, childSignals, handleTalk, requestTalk } from '../../signals/signals'
import { body, requireBegeleider, type Ctx, type Env } from '../context'

const bearer = (c: Ctx) => {
  const header = c.req.header('authorization') ?? ''
  return header.startsWith('Bearer ') ? header.slice(7) : undefined
}

/**
 * Signals reach a person (docs/signals.md): the begeleider's caseload row and child page, a record of
 * having discussed each one, and the jongere's "Ik wil praten". Nothing here escalates by itself.
 */
export function signalRoutes(deps: Deps, host: GesprekHost) {
  return (
    new Hono<Env>()
      // The caseload row: kinds in words and counts, never an answer. Team scoped like the caseload.
      .get('/', async (c) => {
        const p = await requireBegeleider(c)
        const children = await deps.db
          .selectFrom('children')
          .select('id')
          .where('organisation_id', '=', p.organisationId)
          .where('team_id', '=', p.teamId)
          .where('key_wrapped', 'is not', null)
          .where('closed_at', 'is', null)
          .execute()
        const out: CaseloadSignalsOut = { children: {} }
        for (const { id } of children) {
          const s = await childSignals(deps, host, id)
          const open = s.signals.filter((x) => x.status !== 'besproken')
          if (open.length === 0 && s.talk.length === 0) continue
          out.children[id] = {
            kinds: [...new Set(open.map((x) => x.kind))],
            open: open.length,
            late: open.filter((x) => x.status === 'te-laat').length,
            talk: s.talk.length,
          }
        }
        return c.json(out)
      })
      .get('/children/:id', async (c) => {
        const p = await requireBegeleider(c)
        const child = await childForBegeleider(deps, p, c.req.param('id'))
        const out = await childSignals(deps, host, child.id)
        // Which parts were looked at (steps, never content), before anything is answered (docs/deelafspraak.md, access log).
        const byGesprek = new Map<string, Set<string>>()
        for (const s of out.signals) byGesprek.set(s.gesprekId, (byGesprek.get(s.gesprekId) ?? new Set()).add(s.stepId))
        for (const [gesprekId, steps] of byGesprek)
          await recordAccess(deps, {
            begeleiderId: p.begeleiderId,
            childId: child.id,
            gesprekId,
            what: 'history',
            stepIds: [...steps],
          })
        return c.json(out)
      })
      .post('/children/:id/followups', async (c) => {
        const p = await requireBegeleider(c)
        const child = await childForBegeleider(deps, p, c.req.param('id'))
        const input = await body(c, FollowUpBody)
        const ok = await addFollowUp(deps, host, { childId: child.id, begeleiderId: p.begeleiderId, ...input })
        // A signal the begeleider cannot see (taken back, or never shared) cannot be recorded against.
        if (!ok) throw new CodedError('not_allowed_now', 409)
        return c.json({ ok: true })
      })
      .post('/children/:id/talk/handled', async (c) => {
        const p = await requireBegeleider(c)
        const child = await childForBegeleider(deps, p, c.req.param('id'))
        await handleTalk(deps, child.id, p.begeleiderId)
        return c.json({ ok: true })
      })
      // "Ik wil praten" from the kamer: a contact request to the begeleider, nothing more.
      .post('/kamer/talk', async (c) => {
        const k = await kamerPrincipal(deps, bearer(c))
        if (!k || !(await touchKamer(deps, k))) throw new CodedError('session_expired', 401)
        await requestTalk(deps, k.childId)
        return c.json({ ok: true })
      })
  )
}
