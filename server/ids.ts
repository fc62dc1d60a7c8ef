import { createHash, randomBytes } from 'node:crypto'

/** 128-bit random id, url-safe. */
export const newId = () => randomBytes(16).toString('base64url')
/** 192-bit bearer token; only its hash is stored. */
export const newToken = () => randomBytes(24).toString('base64url')
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')
