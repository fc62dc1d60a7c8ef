/**
 * A tiny structured logger. Fields are whitelisted by type: ids, codes, numbers, booleans.
 * Answer text has no way in: a string field must look like an id or a code (docs/security.md, threat model: the logs).
 */
type Field = string | number | boolean | undefined | null
const SAFE_STRING = /^[A-Za-z0-9_.:/@-]{0,80}$/

export type Logger = {
  info: (msg: string, fields?: Record<string, Field>) => void
  warn: (msg: string, fields?: Record<string, Field>) => void
  error: (msg: string, fields?: Record<string, Field>) => void
}

export type LogSink = (line: string) => void

export function createLogger(sink: LogSink = (l) => process.stderr.write(l + '\n'), quiet = false): Logger {
  const write = (level: string, msg: string, fields: Record<string, Field> = {}) => {
    if (quiet && level === 'info') return
    const clean: Record<string, Field> = {}
    for (const [k, v] of Object.entries(fields)) {
      clean[k] = typeof v === 'string' && !SAFE_STRING.test(v) ? '[redacted]' : v
    }
    sink(
      JSON.stringify({
        t: new Date().toISOString(),
        level,
        msg: SAFE_STRING.test(msg.replace(/ /g, '_')) ? msg : '[redacted]',
        ...clean,
      }),
    )
  }
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  }
}

/** Only the error's class and a code, never its message: messages can quote user input. */
export function errorFields(err: unknown): Record<string, Field> {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code
    return { errorName: err.name, errorCode: typeof code === 'string' ? code : undefined }
  }
  return { errorName: typeof err }
}
