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
