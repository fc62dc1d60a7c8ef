import type { Principal } from '../auth/principal'

/** Calls from HTTP into the realtime layer, wired after both exist (server/app.ts). */
export type Hooks = {
  sessionEnded: (p: Principal, reason: 'logout' | 'expired' | 'locked') => void
  /** Every session of one begeleider ended (logout everywhere, deactivation, password reset). */
  begeleiderEnded: (begeleiderId: string, reason: 'logout' | 'expired' | 'locked') => void
}
