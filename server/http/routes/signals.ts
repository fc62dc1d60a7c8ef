import { Hono } from 'hono'
import { CodedError } from '../../../dialogs/contract/errors'
import { FollowUpBody } from '../../../dialogs/contract/signals'
import { recordLooks } from '../../audit/access-log'
import type { Deps } from '../../deps'
import type { GesprekHost } from '../../gesprek/host'
import { caseloadSignals } from '../../signals/caseload'
import { addFollowUp, childSignals, handleTalk, requestTalk } from '../../signals/signals'
import { requireKamer } from '../bearer'
import { childScope } from '../child-scope'
import { body, requireBegeleider, type Env } from '../context'

/**
 * Signals reach a person (docs/signals.md): the begeleider's caseload row and child page, a record of
 * having discussed each one, and the jongere's "Ik wil praten". Nothing here escalates by itself.
 */
export function signalRoutes(deps: Deps, host: GesprekHost) {
  const scoped = childScope()
  return (
    new Hono<Env>()
      // The caseload row: types in words and counts, never an answer. Team scoped like the caseload.
      .get('/', async (c) => c.json(await caseloadSignals(deps, host, await requireBegeleider(c))))
      .get('/children/:id', scoped, async (c) => {
        const { begeleider: p, child } = c.var
        const out = await childSignals(deps, host, child.id)
        // Which parts were looked at (steps, never content), before anything is answered (docs/deelafspraak.md, access log).
        await recordLooks(deps, { begeleiderId: p.begeleiderId, childId: child.id, what: 'history' }, out.signals)
        return c.json(out)
      })
      .post('/children/:id/followups', scoped, async (c) => {
        const { begeleider: p, child } = c.var
        const input = await body(c, FollowUpBody)
        const ok = await addFollowUp(deps, host, { childId: child.id, begeleiderId: p.begeleiderId, ...input })
        // A signal the begeleider cannot see (taken back, or never shared) cannot be recorded against.
        if (!ok) throw new CodedError('not_allowed_now', 409)
        return c.json({ ok: true })
      })
      .post('/children/:id/talk/handled', scoped, async (c) => {
        await handleTalk(deps, c.var.child.id, c.var.begeleider.begeleiderId)
        return c.json({ ok: true })
      })
      // "Ik wil praten" from the kamer: a contact request to the begeleider, nothing more.
      .post('/kamer/talk', async (c) => {
        const k = await requireKamer(c)
        await requestTalk(deps, k.childId)
        return c.json({ ok: true })
      })
  )
}
