import * as z from 'zod'
import { ERROR_CODES } from './error-codes'

export { ERROR_CODES }
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
