/**
 * Stable error codes: every one has `errors:<code>` in every locale (tested). Kept apart from the zod
 * schema in errors.ts so the client's first screens can check a code without loading zod (ADR 0008).
 */
export const ERROR_CODES = [
  'invalid_payload',
  'unknown_event',
  'payload_too_large',
  'rate_limited',
  'not_logged_in',
  'forbidden',
  'not_found',
  'not_allowed_now',
  'wrong_credentials',
  'code_invalid',
  'code_expired',
  'code_used',
  'session_expired',
  'conflict',
  'server_busy',
  'internal',
  'username_taken',
  'password_too_short',
  'kamer_locked',
  'secret_too_weak',
  'kamer_name_taken',
  'too_many_connections',
  'device_pending',
  'drawing_too_large',
  'gesprek_full',
] as const
