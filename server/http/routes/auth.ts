import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { CodedError } from '../../../dialogs/contract/errors'
import { LoginBody, type Me } from '../../../dialogs/contract/http'
import { DUMMY_HASH_PROMISE, verifyPassword } from '../../auth/passwords'
import { createSession, endAllSessions, endSession, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../../auth/sessions'
import type { Deps } from '../../deps'
import { body, clientIp, requireBegeleider, type Env } from '../context'
import type { Hooks } from '../hooks'

export function authRoutes(deps: Deps, hooks: Hooks) {
  // Per IP and per username: a slow guesser is stopped either way (SEC-04).
  const WINDOW = 15 * 60_000
  return (
    new Hono<Env>()
      .post('/login', async (c) => {
        const { username, password } = await body(c, LoginBody)
        const name = username.toLowerCase()
        if (
          (await deps.limits.over('login-ip', clientIp(c), 20, WINDOW)) ||
          (await deps.limits.over('login-user', name, 10, WINDOW))
        )
          throw new CodedError('rate_limited', 429)
        const row = await deps.db
          .selectFrom('begeleiders')
          .selectAll()
          .where('username', '=', name)
          .where('active', '=', 1)
          .executeTakeFirst()
        const ok = await verifyPassword(password, row?.password_hash ?? (await DUMMY_HASH_PROMISE))
        // One answer for unknown user and wrong password: no account probing.
        if (!row || !ok) throw new CodedError('wrong_credentials', 401)
        await deps.limits.reset('login-user', name)
        const token = await createSession(deps, row.id)
        setCookie(c, SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'Strict',
          secure: deps.config.secure,
          path: '/',
          maxAge: SESSION_ABSOLUTE_MS / 1000,
        })
        deps.log.info('login', { begeleider: row.id })
        return c.json({ ok: true })
      })
      .post('/logout', async (c) => {
        const p = await requireBegeleider(c).catch(() => null)
        if (p) {
          await endSession(deps, p.sessionHash)
          hooks.sessionEnded(p, 'logout')
        }
        deleteCookie(c, SESSION_COOKIE, { path: '/' })
        return c.json({ ok: true })
      })
      // Logout everywhere: every session of this begeleider, on every device, and their live sockets.
      .post('/logout-everywhere', async (c) => {
        const p = await requireBegeleider(c)
        await endAllSessions(deps, p.begeleiderId)
        hooks.begeleiderEnded(p.begeleiderId, 'logout')
        deleteCookie(c, SESSION_COOKIE, { path: '/' })
        deps.log.info('logout everywhere', { begeleider: p.begeleiderId })
        return c.json({ ok: true })
      })
      .get('/me', async (c) => {
        const p = await requireBegeleider(c)
        const org = await deps.db
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', p.organisationId)
          .executeTakeFirstOrThrow()
        const team = await deps.db
          .selectFrom('teams')
          .select('name')
          .where('id', '=', p.teamId)
          .executeTakeFirstOrThrow()
        const me: Me = {
          id: p.begeleiderId,
          displayName: p.displayName,
          role: p.admin ? 'admin' : 'begeleider',
          organisation: org.name,
          team: team.name,
        }
        return c.json(me)
      })
  )
}
