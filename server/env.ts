import * as z from 'zod'

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
  /** Set when a TLS proxy is in front: Secure cookies and HSTS. */
  BEHIND_TLS: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  /** Days after a trajectory closes before its raw answers are erased (SEC-10). */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v !== '0' && v !== 'false'),
})
