import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { CodedError } from '../../dialogs/contract/errors'
import { MAX_TOOL_FILE_BYTES } from '../../dialogs/contract/tool-version'
import type { Deps } from '../deps'
import type { GesprekHost } from '../gesprek/host'
import { errorFields } from '../log'
import type { Env } from './context'
import type { Hooks } from './hooks'
import { authRoutes } from './routes/auth'
import { beheerRoutes } from './routes/beheer'
import { beheerDataRoutes } from './routes/beheer-data'
import { gesprekkenRoutes } from './routes/gesprekken'
import { helpRoutes } from './routes/help'
import { kindRoutes } from './routes/kind'
import { kamerRoutes } from './routes/kamer'
import { methodRoutes } from './routes/method'
import { parentRoutes } from './routes/parents'
import { planRoutes } from './routes/plans'
import { receiptRoutes } from './routes/receipt'
import { signalRoutes } from './routes/signals'
import { gesprekToolRoutes, kindToolRoutes, toolVersionRoutes } from './routes/tool-versions'
import { workspaceRoutes } from './routes/workspace'
import { sameOrigin, securityHeaders } from './security'
import { serveClient } from './static'
import { isVoiceUpload } from '../voices/paths'
import { voiceRoutes } from '../voices/routes'

export function createApp(deps: Deps, host: GesprekHost, hooks: Hooks, opts: { distDir: string }) {
  const app = new Hono<Env>()
  app.use('*', async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  app.use('*', securityHeaders(deps))
  const apiLimit: MiddlewareHandler<Env> = bodyLimit({
    maxSize: 64 * 1024,
    onError: () => {
      throw new CodedError('payload_too_large', 413)
    },
  })
  // A tool version holds its texts in every language (ADR 0075): its draft and import files may be larger.
  const toolLimit: MiddlewareHandler<Env> = bodyLimit({
    maxSize: MAX_TOOL_FILE_BYTES,
    onError: () => {
      throw new CodedError('payload_too_large', 413)
    },
  })
  // A recorded voice has its own, larger limit (server/voices/routes.ts).
  const limit: MiddlewareHandler<Env> = (c, next) =>
    isVoiceUpload(c.req.method, c.req.path)
      ? next()
      : c.req.path.startsWith('/api/tool-versions/')
        ? toolLimit(c, next)
        : apiLimit(c, next)
  app.use('/api/*', limit)
  app.use('/api/*', sameOrigin(deps))

  app.get('/api/health', (c) => c.json({ ok: true }))
  app.route('/api/auth', authRoutes(deps, hooks))
  app.route('/api/gesprekken', gesprekkenRoutes(deps, host))
  app.route('/api/kind/receipt', receiptRoutes(deps))
  app.route('/api/kind/tool', kindToolRoutes(deps))
  app.route('/api/kind', kindRoutes(deps))
  app.route('/api/kamer', kamerRoutes(deps, host, hooks))
  app.route('/api/tool-versions', toolVersionRoutes(deps))
  app.route('/api/gesprek-tool', gesprekToolRoutes(deps))
  app.route('/api/help-lines', helpRoutes(deps))
  app.route('/api/signals', signalRoutes(deps, host))
  app.route('/api/parents', parentRoutes(deps))
  app.route('/api/workspace', workspaceRoutes(deps, host))
  app.route('/api/method', methodRoutes(deps, host))
  app.route('/api/plans', planRoutes(deps, host))
  app.route('/api/beheer', beheerRoutes(deps))
  app.route('/api/beheer', beheerDataRoutes(deps, host))
  app.route('/api/voices', voiceRoutes(deps))
  app.all('/api/*', (c) => c.json({ error: 'not_found' }, 404))
  serveClient(app, opts.distDir)

  app.onError((err, c) => {
    if (err instanceof CodedError) return c.json({ error: err.code }, err.status as 400)
    if (err instanceof HTTPException) {
      const code = err.status === 413 ? 'payload_too_large' : 'invalid_payload'
      return c.json({ error: code }, err.status)
    }
    deps.log.error('http handler failed', { path: c.req.routePath, ...errorFields(err) })
    return c.json({ error: 'internal' }, 500)
  })
  app.notFound((c) => c.json({ error: 'not_found' }, 404))
  return app
}
