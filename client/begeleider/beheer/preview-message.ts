import { toolInfo } from '../../../dialogs/catalog'
import type { AgeBand } from '../../../dialogs/contract/ids'
import type { LangCode } from '../../../dialogs/contract/languages'
import type { ToolVersionDoc } from '../../../dialogs/contract/tool-version'

/** What the editor tells its preview frame: the draft as it is now, in which language, and where to be. */
export type PreviewMessage = {
  type: 'kg-tool-preview'
  doc: ToolVersionDoc
  lang: LangCode
  ageBand: AgeBand
  /** Jump to this step (the trainer clicked it in the editor); absent: stay where the preview is. */
  stepId?: string
  /** Counts up with every jump request, so clicking the same step twice jumps twice. */
  jump: number
}

export const PREVIEW_PATH = '/begeleider/beheer/voorbeeld'

export function isPreviewMessage(data: unknown): data is PreviewMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'kg-tool-preview'
}

/**
 * A kamer tool at a jongere's band is previewed as the jongere sees it on their own: through the kamer's
 * own tool screen, in the kamer's setting (ADR 0146). Mijn netwerk at 8-12 runs beside a begeleider
 * only (no kamer under 12), so it is previewed in the child's screen, as every guided tool.
 */
export function previewsInKamer(toolId: string, ageBand: AgeBand): boolean {
  const tool = toolInfo(toolId)
  return !!tool && tool.settings.includes('kamer') && (ageBand === '12-15' || ageBand === '16-18')
}
