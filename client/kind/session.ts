import type { KindJoinOut } from '../../dialogs/contract/http'

/**
 * The child's device token lives in this tab's sessionStorage only, so a reload continues the
 * gesprek; closing the tab or quick exit forgets it. Never answer text, never localStorage.
 * Its shape is checked in resume.ts, which loads with the gesprek: zod stays off the join screen.
 */
export const KIND_SESSION_KEY = 'kg.kind'

export type KindSession = KindJoinOut

export function hasSavedKindSession(): boolean {
  try {
    return sessionStorage.getItem(KIND_SESSION_KEY) !== null
  } catch {
    return false
  }
}

export function saveKindSession(s: KindSession): void {
  sessionStorage.setItem(KIND_SESSION_KEY, JSON.stringify(s))
}

export function clearKindSession(): void {
  sessionStorage.removeItem(KIND_SESSION_KEY)
}
