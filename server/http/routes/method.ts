import { Hono, type Context } from 'hono'
import { CodedError } from '../../../dialogs/contract/errors'
import {
  AfscheidContactsBody,
  ConsentBody,
  Fase1Body,
  FamilyTalkBody,
  OverdrachtBody,
  TalkBody,
  type MethodOut,
} from '../../../dialogs/contract/method'
import { ParentRole } from '../../../dialogs/contract/parents'
import type { Deps } from '../../deps'
import type { GesprekHost } from '../../gesprek/host'
import { loadConsent, saveConsent } from '../../method/consent'
import { familyChildren, familyPreparation, leftOut, resolveWith } from '../../method/family'
import { myContacts } from '../../method/contacts'
import { loadPhase, saveContacten, saveFase1, saveOverdracht } from '../../method/phases'
import { addRecord } from '../../method/records'
import { assertHeld, loadRhythm, recordTalk } from '../../method/rhythm'
import { toolLabels } from '../../tools/labels'
import { presentParent } from '../../workspace/parents'
import { requireChildScreen } from '../bearer'
import { childScope, type ChildEnv, type ScopedChild } from '../child-scope'
import { body, requireBegeleider, type Ctx, type Env } from '../context'
import { sinceQuery } from '../query'

const withQuery = (c: Ctx) => {
  const raw = c.req.query('with')
  if (raw === undefined || raw === '') return null
  const parsed = ParentRole.safeParse(raw)
  if (!parsed.success) throw new CodedError('invalid_payload', 400)
  return parsed.data
}

/**
 * The method's rhythm (server/method, ADR 0065). Thin: every route resolves the child through
 * childForBegeleider or the family through the team, so another team's begeleider gets not_found.
 */
export function methodRoutes(deps: Deps, host: GesprekHost) {
  const scoped = childScope()
  const child = (c: Context<ChildEnv>) => ({ p: c.var.begeleider, child: c.var.child })
  const method = async (row: ScopedChild): Promise<MethodOut> => {
    const consent = await loadConsent(deps, row)
    return { consent, rhythm: await loadRhythm(deps, row), phase: await loadPhase(deps, row, consent) }
  }
  return (
    new Hono<Env>()
      .get('/children/:id', scoped, async (c) => c.json(await method(c.var.child)))
      .put('/children/:id/consent', scoped, async (c) => {
        const { p, child: row } = child(c)
        await saveConsent(deps, row, p.begeleiderId, await body(c, ConsentBody))
        return c.json(await method(row))
      })
      .post('/children/:id/oudergesprekken', scoped, async (c) => {
        const { p, child: row } = child(c)
        await recordTalk(deps, row, p.begeleiderId, 'oudergesprek', await body(c, TalkBody))
        return c.json(await method(row), 201)
      })
      .post('/children/:id/samen', scoped, async (c) => {
        const { p, child: row } = child(c)
        await recordTalk(deps, row, p.begeleiderId, 'samen', await body(c, TalkBody))
        return c.json(await method(row), 201)
      })
      .put('/children/:id/fase1', scoped, async (c) => {
        const { p, child: row } = child(c)
        await saveFase1(deps, row, p.begeleiderId, await body(c, Fase1Body))
        return c.json(await method(row))
      })
      .put('/children/:id/overdracht', scoped, async (c) => {
        const { p, child: row } = child(c)
        await saveOverdracht(deps, row, p.begeleiderId, await body(c, OverdrachtBody))
        return c.json(await method(row))
      })
      .put('/children/:id/contacten', scoped, async (c) => {
        const { p, child: row } = child(c)
        await saveContacten(deps, row, p.begeleiderId, await body(c, AfscheidContactsBody))
        return c.json(await method(row))
      })
      // The child's own screen in the afscheid: the list the begeleider entered, nothing else.
      .get('/mine/contacten', async (c) => c.json(await myContacts(deps, await requireChildScreen(c))))
      .get('/families/:id/oudergesprek', async (c) => {
        const p = await requireBegeleider(c)
        const out = await familyPreparation(deps, host, p, c.req.param('id'), {
          with: withQuery(c),
          since: sinceQuery(c),
        })
        const shown = out.children.flatMap((k) => [...k.zelfVertellen, ...k.begeleiderVertelt, ...k.observatie])
        return c.json({ ...out, labels: await toolLabels(deps, [...new Set(shown.map((i) => i.gesprekId))]) })
      })
      // One tap after the family's weekly talk: an oudergesprek record for each sibling it was about.
      .post('/families/:id/oudergesprekken', async (c) => {
        const p = await requireBegeleider(c)
        const input = await body(c, FamilyTalkBody)
        assertHeld(deps, input.heldOn)
        const { children } = await familyChildren(deps, p, c.req.param('id'))
        const parents = await Promise.all(children.map((ch) => presentParent(deps, ch.id)))
        const withParent = resolveWith(input.with, parents)
        let recorded = 0
        for (const [i, ch] of children.entries()) {
          if (leftOut(parents[i]!, withParent) !== null) continue
          await addRecord(deps, ch, p.begeleiderId, 'oudergesprek', { heldOn: input.heldOn, note: '' }, input.heldOn)
          recorded++
        }
        return c.json({ recorded }, 201)
      })
  )
}
