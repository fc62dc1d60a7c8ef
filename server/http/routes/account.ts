import { Hono } from 'hono'
import { deleteCookie } from 'hono/cookie'
import { endAllSessions, SESSION_COOKIE } from '../../auth/sessions'
import type { Deps } from '../../deps'
import { requireBegeleider, type Env } from '../context'
import type { Hooks } from '../hooks'

/** Mounted beside authRoutes under /api/auth: what a begeleider does with their own account. */
export function accountRoutes(deps: Deps, hooks: Hooks) {
  return new Hono<Env>().post('/logout-everywhere', async (c) => {
    // Every session of this begeleider, on every device, and their live sockets.
    const p = await requireBegeleider(c)
    await endAllSessions(deps, p.begeleiderId)
    hooks.begeleiderEnded(p.begeleiderId, 'logout')
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    deps.log.info('logout everywhere', { begeleider: p.begeleiderId })
    return c.json({ ok: true })
  })
}
