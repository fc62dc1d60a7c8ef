/**
 * The languages the product speaks, one list for client and tests. Without zod, so the first screen
 * can read it without loading the contract's schemas (docs/decisions/0008-what-loads-when.md).
 */
export const LANGUAGES = ['nl', 'en'] as const
