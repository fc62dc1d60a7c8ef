import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { CodedError } from '../../../dialogs/contract/errors'
import { LoginBody, MyPictureBody, SessionsOut, type SessionOut } from '../../../dialogs/contract/http'
import { accountTryFailed, accountTrySucceeded, addressHasFailed, admitAccountTry, LOGIN_RULE } from '../../auth/limits'
import { activeBegeleider, meOf, otherSessions, sessionsOf, setPicture } from '../../auth/me'
import { DUMMY_HASH_PROMISE, verifyPassword } from '../../auth/passwords'
import { createSession, endAllSessions, endSession, SESSION_ABSOLUTE_MS, sessionCookieName } from '../../auth/sessions'
import type { Deps } from '../../deps'
import { body, clientIp, requireBegeleider, type Env } from '../context'
import type { Hooks } from '../hooks'

export function authRoutes(deps: Deps, hooks: Hooks) {
  // Per address, per username and per pair, with backoff instead of a lockout (server/auth/limits.ts).
  return (
    new Hono<Env>()
      .post('/login', async (c) => {
        const { username, password } = await body(c, LoginBody)
        const name = username.toLowerCase()
        const address = clientIp(c)
        const admitted = await admitAccountTry(deps.limits, LOGIN_RULE, name, address)
        if (admitted !== 'ok') throw new CodedError('rate_limited', 429)
        const priority = (await addressHasFailed(deps.limits, LOGIN_RULE, address)) ? 'low' : 'high'
        const row = await activeBegeleider(deps, name)
        const ok = await verifyPassword(password, row?.password_hash ?? (await DUMMY_HASH_PROMISE), priority)
        // One answer for unknown user and wrong password: no account probing.
        if (!row || !ok) {
          await accountTryFailed(deps.limits, LOGIN_RULE, name, address)
          throw new CodedError('wrong_credentials', 401)
        }
        await accountTrySucceeded(deps.limits, LOGIN_RULE, name, address)
        const token = await createSession(deps, row.id)
        setCookie(c, sessionCookieName(deps), token, {
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
        deleteCookie(c, sessionCookieName(deps), { path: '/', secure: deps.config.secure })
        return c.json({ ok: true })
      })
      // Logout everywhere: every session of this begeleider, on every device, and their live sockets.
      .post('/logout-everywhere', async (c) => {
        const p = await requireBegeleider(c)
        await endAllSessions(deps, p.begeleiderId)
        hooks.begeleiderEnded(p.begeleiderId, 'logout')
        deleteCookie(c, sessionCookieName(deps), { path: '/', secure: deps.config.secure })
        deps.log.info('logout everywhere', { begeleider: p.begeleiderId })
        return c.json({ ok: true })
      })
      // Every open session of this begeleider (other devices, an old login), and ending all but this one.
      .get('/sessions', async (c) => {
        const p = await requireBegeleider(c)
        const out = await sessionsOf(deps, p)
        return c.json(SessionsOut.parse(out))
      })
      .post('/sessions/end-others', async (c) => {
        const p = await requireBegeleider(c)
        const others = await otherSessions(deps, p)
        for (const sessionHash of others) {
          await endSession(deps, sessionHash)
          hooks.sessionEnded({ ...p, sessionHash }, 'logout')
        }
        deps.log.info('other sessions ended', { begeleider: p.begeleiderId, count: others.length })
        return c.json({ ok: true, ended: others.length })
      })
      .put('/me/picture', async (c) => {
        const p = await requireBegeleider(c)
        const { picture } = await body(c, MyPictureBody)
        await setPicture(deps, p, picture)
        return c.json({ picture })
      })
      .get('/me', async (c) => c.json(await meOf(deps, await requireBegeleider(c))))
      // The login page asks this first: "not logged in" is an answer (200, me: null), not an error, so a
      // fresh browser's console stays clean.
      .get('/session', async (c) => {
        const p = await requireBegeleider(c).catch(() => null)
        const out: SessionOut = { me: p ? await meOf(deps, p) : null }
        return c.json(out)
      })
  )
}
