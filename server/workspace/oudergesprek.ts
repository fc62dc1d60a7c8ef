import { toolInfo } from '../../dialogs/catalog'
import type { OudergesprekOut, PrepItem } from '../../dialogs/contract/workspace'
import { THEMES } from '../../dialogs/contract/workspace'
import { themeOf } from '../../dialogs/themes'
import type { ParentRole } from '../../dialogs/contract/parents'
import { reachesParent } from '../../dialogs/sharing'
import type { ItemView } from '../../dialogs/contract/view'
import type { ProjectedGesprek } from './gesprekken'

const NAMES: Record<ParentRole, string[]> = {
  papa: ['papa', 'pap', 'vader', 'pappa'],
  mama: ['mama', 'mam', 'moeder', 'mamma'],
}

/**
 * Whether an answer is about the parent who did not come along: the Stoplicht's other home, or a person
 * in the network named as that parent. Telling the parent here about it can stress them, and so the
 * child's loyalty [000:2102-2106]: the begeleider gets a caution, the item itself is unchanged.
 */
export function aboutOtherParent(item: Pick<ItemView, 'subject' | 'person'>, other: ParentRole | null): boolean {
  if (item.subject === 'ander-huis') return true
  const name = item.person?.name.trim().toLocaleLowerCase('nl')
  return Boolean(name && other && NAMES[other].includes(name))
}

/**
 * The oudergesprek preparation: ONLY the oudergesprek projection (what the child agreed may reach a
 * parent), split into what the child tells themself and what the begeleider tells, grouped by theme in
 * a stable order, newest gesprek first inside a theme.
 */
export function buildPreparation(
  gesprekken: ProjectedGesprek[],
  /**
   * `forParent`: whose preparation this is (null: the parent here, none recorded); `present`: the parent
   * the oudergesprek is with. Each parent apart: an answer whose choice named a parent is only ever in
   * that parent's preparation (dialogs/sharing.ts `reachesParent`).
   */
  opts: { forParent: ParentRole | null; present: ParentRole | null },
): Pick<OudergesprekOut, 'zelfVertellen' | 'begeleiderVertelt' | 'observatie'> {
  const all: PrepItem[] = []
  // The parent an item can be "about" is the one this talk is not with.
  const otherParent = opts.present ? (opts.present === 'mama' ? 'papa' : 'mama') : null
  for (const g of [...gesprekken].reverse()) {
    const tool = toolInfo(g.toolId)
    for (const item of g.view.items) {
      if (!reachesParent(item, opts.forParent, opts.present)) continue
      const type = tool?.steps.find((s) => s.id === item.stepId)?.type
      const theme = themeOf(g.toolId, item.stepId, type, item.prompt)
      const about = aboutOtherParent(item, otherParent)
      all.push({
        gesprekId: g.id,
        toolId: g.toolId,
        at: g.createdAt,
        theme,
        item,
        ...(about ? { aboutOtherParent: true as const } : {}),
      })
    }
  }
  const byTheme = (a: PrepItem, b: PrepItem) => THEMES.indexOf(a.theme) - THEMES.indexOf(b.theme)
  const observatie = all.filter((p) => p.theme === 'observatie')
  const rest = all.filter((p) => p.theme !== 'observatie')
  return {
    zelfVertellen: rest.filter((p) => p.item.share === 'zelf-vertellen').sort(byTheme),
    begeleiderVertelt: rest.filter((p) => p.item.share === 'begeleider-vertelt').sort(byTheme),
    observatie,
  }
}
