import { toolInfo } from '../../dialogs/catalog'
import type { OudergesprekOut, PrepItem } from '../../dialogs/contract/workspace'
import { THEMES } from '../../dialogs/contract/workspace'
import { themeOf } from '../../dialogs/themes'
import type { ProjectedGesprek } from './gesprekken'

/**
 * The oudergesprek preparation: ONLY the oudergesprek projection (what the child agreed may reach a
 * parent), split into what the child tells themself and what the begeleider tells, grouped by theme in
 * a stable order, newest gesprek first inside a theme.
 */
export function buildPreparation(
  gesprekken: ProjectedGesprek[],
): Pick<OudergesprekOut, 'zelfVertellen' | 'begeleiderVertelt' | 'observatie'> {
  const all: PrepItem[] = []
  for (const g of [...gesprekken].reverse()) {
    const tool = toolInfo(g.toolId)
    for (const item of g.view.items) {
      const kind = tool?.steps.find((s) => s.id === item.stepId)?.kind
      const theme = themeOf(g.toolId, item.stepId, kind, item.prompt)
      all.push({ gesprekId: g.id, toolId: g.toolId, at: g.createdAt, theme, item })
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
