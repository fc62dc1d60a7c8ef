import { recordAccess } from './audit/access-log'
import type { BegeleiderPrincipal, Principal } from './auth/principal'
import type { Deps } from './deps'
import { GesprekHost } from './gesprek/host'
import type { GesprekEvent } from '../dialogs/framework/events'
import type { ShareLevel } from '../dialogs/sharing'
import type { AgeBand } from '../dialogs/contract/ids'
import { newId } from './ids'
import { createChild } from './workspace/caseload'

const DAY = 24 * 60 * 60 * 1000

type Step = GesprekEvent | { share: ShareLevel; item: number }
type DemoGesprek = { toolId: string; daysAgo: number; steps: Step[] }

const next: GesprekEvent = { type: 'nav.next' }
const add = (item: Record<string, unknown>): GesprekEvent => ({
  type: 'item.add',
  item: { id: newId(), pictures: [], ...item },
})

/** Three Stoplicht gesprekken three weeks apart: the history shows a trend, some of it shared with a parent. */
const stoplicht = (daysAgo: number, school: 'rood' | 'oranje' | 'groen', scale: number): DemoGesprek => ({
  toolId: 'stoplicht',
  daysAgo,
  steps: [
    next,
    add({ subject: 'thuis-nu', colour: 'groen' }),
    add({ subject: 'school', colour: school }),
    add({ subject: 'slapen', colour: daysAgo > 14 ? 'rood' : 'oranje' }),
    next,
    add({ scale }),
    next,
    add({ pictures: ['pet'], text: 'Met Bo knuffelen' }),
    next,
    { share: 'begeleider', item: 0 },
    { share: 'begeleider-vertelt', item: 1 },
    { share: 'zelf-vertellen', item: 3 },
    next,
    next,
  ],
})

const drieHuizen = (daysAgo: number): DemoGesprek => ({
  toolId: 'drie-huizen',
  daysAgo,
  steps: [
    next,
    add({ pictures: ['pet'], text: 'Mijn hond Bo' }),
    add({ pictures: ['friends'] }),
    next,
    add({ text: 'Ik mis mijn kamer' }),
    next,
    add({ pictures: ['home'], text: 'Een eigen huis met mama' }),
    next,
    next,
    { share: 'begeleider-vertelt', item: 0 },
    { share: 'alleen-ik', item: 2 },
    next,
    next,
  ],
})

/** Nicknames only, as everywhere; the stories are made up and ordinary. */
const CASELOAD: { nickname: string; ageBand: AgeBand; gesprekken: DemoGesprek[] }[] = [
  {
    nickname: 'Noor',
    ageBand: '8-12',
    gesprekken: [stoplicht(35, 'rood', 3), drieHuizen(21), stoplicht(7, 'oranje', 6)],
  },
  { nickname: 'Kim', ageBand: '4-7', gesprekken: [drieHuizen(10)] },
  { nickname: 'Daan', ageBand: '12-15', gesprekken: [] },
]

/**
 * The demo's caseload (DEMO=1, first start only): three children, a few weeks of gesprekken with
 * sharing choices, and the access log lines a receipt shows. Everything goes through the product's
 * own modules (the gesprek host seals answers like real ones; the access log chains like real ones),
 * each at a past time through a clock of its own.
 */
export async function seedDemoCaseload(deps: Deps, begeleider: BegeleiderPrincipal): Promise<void> {
  const now = deps.clock.now()
  for (const child of CASELOAD) {
    const childId = await createChild({ ...deps, clock: { now: () => now - 42 * DAY } }, begeleider, {
      nickname: child.nickname,
      ageBand: child.ageBand,
      phase: 2,
    })
    for (const g of child.gesprekken) {
      let at = now - g.daysAgo * DAY + 10 * 60 * 60 * 1000
      const clock = { now: () => at }
      const past: Deps = { ...deps, clock }
      const host = new GesprekHost(past)
      const gesprekId = await host.create({
        childId,
        toolId: g.toolId,
        setting: 'begeleid',
        ageBand: child.ageBand,
        living: 'residentieel',
      })
      const kind: Principal = { role: 'kind', childId, gesprekId, tokenHash: 'demo', deviceId: 'demo', trusted: true }
      const itemIds: string[] = []
      for (const step of g.steps) {
        at += 45_000
        const event: GesprekEvent =
          'share' in step ? { type: 'share.set', itemIds: [itemIds[step.item]!], level: step.share } : step
        if (event.type === 'item.add') itemIds.push(event.item.id)
        await host.command(kind, gesprekId, newId(), event)
      }
      await host.shutdown()
      const { view } = await new GesprekHost(past).view(gesprekId, 'begeleider')
      const stepIds = [...new Set(view.items.map((i) => i.stepId))]
      await recordAccess(past, { begeleiderId: begeleider.begeleiderId, childId, gesprekId, what: 'live', stepIds })
      at += 2 * DAY
      await recordAccess(past, { begeleiderId: begeleider.begeleiderId, childId, gesprekId, what: 'history', stepIds })
    }
  }
}
