import type { HistoryOut } from '../../dialogs/contract/workspace'
import type { ProjectedGesprek } from './gesprekken'

type Series<T> = Map<string, T>

/** The three houses of the Drie huizen, in the order the child visits them. */
export const HOUSES = ['huis-goed', 'huis-zorgen', 'huis-dromen'] as const

/** A person is the same person across gesprekken when the child wrote the same name. */
export const personKey = (name: string) => name.trim().toLocaleLowerCase('nl')

/**
 * The timeline and trend data of one child, from the begeleider projection only: items the child
 * keeps to themself never reach this function, so they cannot appear in a plot either.
 */
export function buildHistory(child: HistoryOut['child'], gesprekken: ProjectedGesprek[]): HistoryOut {
  const timeline: HistoryOut['timeline'] = []
  const stoplicht: Series<HistoryOut['stoplicht'][number]> = new Map()
  const scales: Series<HistoryOut['scales'][number]> = new Map()
  const snapshots: NonNullable<HistoryOut['netwerk']['now']>[] = []
  const drieHuizen: HistoryOut['drieHuizen'] = []

  for (const g of gesprekken) {
    const { items, notes, skipped } = g.view
    timeline.push({
      gesprekId: g.id,
      toolId: g.toolId,
      setting: g.setting,
      createdAt: g.createdAt,
      phase: g.phase,
      items: items.length,
      worries: items.filter((i) => i.worry).length,
      notes: notes.length,
      skipped,
    })
    const people: NonNullable<HistoryOut['netwerk']['now']>['people'] = []
    for (const item of items) {
      if (item.subject && item.colour) {
        // A place of the child's own ("eigen") is known by the child's words for it.
        const subject = item.subject === 'eigen' && item.text ? item.text : item.subject
        const key = `${g.toolId}:${item.stepId}:${subject}`
        const s = stoplicht.get(key) ?? { toolId: g.toolId, stepId: item.stepId, subject, points: [] }
        s.points.push({ gesprekId: g.id, at: g.createdAt, colour: item.colour, share: item.share })
        stoplicht.set(key, s)
      }
      if (item.scale !== undefined && !item.subject) {
        const key = `${g.toolId}:${item.stepId}`
        const s = scales.get(key) ?? { toolId: g.toolId, stepId: item.stepId, points: [] }
        s.points.push({ gesprekId: g.id, at: g.createdAt, value: item.scale, share: item.share })
        scales.set(key, s)
      }
      if (item.person) people.push({ key: personKey(item.person.name), person: item.person, share: item.share })
    }
    if (g.toolId === 'drie-huizen') {
      const houses = HOUSES.map((stepId) => ({
        stepId,
        things: items
          .filter((i) => i.stepId === stepId)
          .map((i) => ({
            pictures: i.pictures,
            ...(i.text ? { text: i.text } : {}),
            drawing: Boolean(i.drawing?.length),
            worry: i.worry,
            share: i.share,
          })),
      }))
      // A finished gesprek counts even with empty houses ("nothing reached you this time"); one just
      // begun and left does not.
      if (g.phase === 'afgerond' || houses.some((h) => h.things.length > 0))
        drieHuizen.push({ gesprekId: g.id, at: g.createdAt, houses })
    }
    if (people.length > 0) snapshots.push({ gesprekId: g.id, toolId: g.toolId, at: g.createdAt, people })
  }

  const changes: HistoryOut['netwerk']['changes'] = []
  for (let i = 1; i < snapshots.length; i++) {
    const before = new Map(snapshots[i - 1]!.people.map((p) => [p.key, p]))
    const after = new Map(snapshots[i]!.people.map((p) => [p.key, p]))
    changes.push({
      fromGesprekId: snapshots[i - 1]!.gesprekId,
      toGesprekId: snapshots[i]!.gesprekId,
      at: snapshots[i]!.at,
      cameIn: [...after.values()].filter((p) => !before.has(p.key)).map((p) => p.person.name),
      wentOut: [...before.values()].filter((p) => !after.has(p.key)).map((p) => p.person.name),
      moved: [...after.values()].flatMap((p) => {
        const was = before.get(p.key)
        return was && was.person.circle !== p.person.circle
          ? [{ name: p.person.name, from: was.person.circle, to: p.person.circle }]
          : []
      }),
    })
  }

  return {
    child,
    timeline: timeline.reverse(),
    stoplicht: [...stoplicht.values()],
    scales: [...scales.values()],
    drieHuizen,
    netwerk: { now: snapshots.at(-1) ?? null, changes: changes.reverse() },
  }
}
