import * as z from 'zod'
import { KindJoinOut } from '../../dialogs/contract/http'

/**
 * The child's device token lives in this tab's sessionStorage only, so a reload continues the
 * gesprek; closing the tab or quick exit forgets it. Never answer text, never localStorage.
 */
const KEY = 'kg.kind'

export type KindSession = z.output<typeof KindJoinOut>

export function loadKindSession(): KindSession | null {
  try {
    const parsed = KindJoinOut.safeParse(JSON.parse(sessionStorage.getItem(KEY) ?? 'null'))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function saveKindSession(s: KindSession): void {
  sessionStorage.setItem(KEY, JSON.stringify(s))
}

export function clearKindSession(): void {
  sessionStorage.removeItem(KEY)
}
