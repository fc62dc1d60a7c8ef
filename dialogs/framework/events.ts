import type { GesprekEventType } from '../contract/events'

// The event schema is the contract's (dialogs/contract/events.ts); server and client still import it
// from here.
export { GesprekEvent, type GesprekCommand, type GesprekEventType } from '../contract/events'

/** Events only a begeleider may send: their own notes and worry marks, never the child's sharing. */
export const BEGELEIDER_EVENTS: readonly GesprekEventType[] = ['note.add', 'worry.mark']

export type Role = 'kind' | 'begeleider'
/** Who operates a tool: the same two roles (docs/glossary.md). */
export type Operator = Role

export function mayRoleSend(role: Role, operator: Operator, type: GesprekEventType): boolean {
  if (BEGELEIDER_EVENTS.includes(type)) return role === 'begeleider'
  if (type === 'share.set') return role === 'kind' // only the child changes a level, whoever operates the tool
  return role === operator
}
