import * as z from 'zod'

/** Stable error codes: every one has `errors:<code>` in every locale (tested). */
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
] as const
export const ErrorCode = z.enum(ERROR_CODES)
export type ErrorCode = z.output<typeof ErrorCode>

/** Thrown inside the server to answer with a code; the message never carries user content. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status = 400,
  ) {
    super(code)
  }
}
