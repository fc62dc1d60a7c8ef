import { createHash } from 'node:crypto'

/**
 * Whether a text is the same in two versions: same key and same digest (ADR 0075). A recording made
 * for one version fits another where both hold. SHA-256 hex of the NFC-normalised text.
 */
export const textDigest = (text: string): string => createHash('sha256').update(text.normalize('NFC')).digest('hex')
