import { KindJoinOut } from '../../dialogs/contract/http'
import { KIND_SESSION_KEY, type KindSession } from './session'

/** The saved session after a reload, or null when there is none or it is not one of ours. */
export function loadKindSession(): KindSession | null {
  try {
    const parsed = KindJoinOut.safeParse(JSON.parse(sessionStorage.getItem(KIND_SESSION_KEY) ?? 'null'))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
