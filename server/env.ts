import * as z from 'zod'
import { HelpLines } from '../dialogs/contract/help-lines'

/** Process environment, parsed once at start; a bad value stops the server with a clear message. */
export const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  KINDGESPREK_KEY: z.string().optional(),
  /** postgres://… runs on PostgreSQL instead of the SQLite file in DATA_DIR; then KINDGESPREK_KEY is required. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  /** redis://… joins this node with the others (socket.io adapter, shared limits and locks). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis://')
    .optional(),
  /** Comma-separated public origins, e.g. https://kindgesprek.example.nl (first one goes into QR codes). */
  PUBLIC_ORIGINS: z
    .string()
    .optional()
    .transform((s) =>
      s
        ? s
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean)
        : [],
    ),
  /** `npm run dev` only: the Vite dev server's origin, which proxies to us (not a public origin). */
  DEV_ORIGINS: z
    .string()
    .optional()
    .transform((s) =>
      s
        ? s
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean)
        : [],
    ),
  /** Set when a TLS proxy is in front: Secure cookies and HSTS. */
  BEHIND_TLS: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  /** Proxies that may name the client's address: a hop count (1 = one nginx) or their addresses/subnets. */
  TRUST_PROXY: z.string().optional(),
  /** Days after a trajectory closes before its raw answers are erased (docs/operations.md, retention). */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** The organisation's ways to help now, as JSON (dialogs/contract/help-lines.ts); defaults when unset. */
  HELP_LINES: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined
      const parsed = HelpLines.safeParse(
        (() => {
          try {
            return JSON.parse(s) as unknown
          } catch {
            return null
          }
        })(),
      )
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'HELP_LINES is not valid JSON of the help lines' })
        return z.NEVER
      }
      return parsed.data
    }),
  /** Working days within which a signal should be discussed with someone (default 2). */
  SIGNAL_FOLLOW_UP_DAYS: z.coerce.number().int().min(1).max(20).default(2),
  DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v !== '0' && v !== 'false'),
})
