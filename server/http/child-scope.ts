import { createMiddleware } from 'hono/factory'
import { childForBegeleider } from '../auth/access'
import type { BegeleiderPrincipal } from '../auth/principal'
import { requireBegeleider, type Env } from './context'

export type ScopedChild = Awaited<ReturnType<typeof childForBegeleider>>

/** What a child-scoped route finds on its context: the logged-in begeleider and the child they may reach. */
export type ChildEnv = { Variables: Env['Variables'] & { begeleider: BegeleiderPrincipal; child: ScopedChild } }

/**
 * The login and the child lookup of every route about one child, done once: the begeleider must be
 * logged in, and the child in `:param` must be of their own team in their own organisation. Another
 * team's child answers `not_found`, exactly like a child that does not exist (docs/security.md).
 */
export const childScope = (param = 'id') =>
  createMiddleware<ChildEnv>(async (c, next) => {
    const begeleider = await requireBegeleider(c)
    c.set('begeleider', begeleider)
    c.set('child', await childForBegeleider(c.var.deps, begeleider, c.req.param(param) ?? ''))
    await next()
  })
