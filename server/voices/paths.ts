/** Which requests the voices room answers differently from the rest of /api (server/http). */

/** The upload is the only request under /api bigger than 64 KiB: app.ts lets it past the general limit. */
export const isVoiceUpload = (method: string, path: string) =>
  method === 'PUT' && /^\/api\/voices\/tools\/[^/]+\/[^/]+\/[^/]+\/[^/]+$/.test(path)

/**
 * A recording's audio is named by its content hash, so it may be cached for good (security.ts leaves
 * these answers their own Cache-Control). Only the organisation's logins get that: a child's device
 * keeps voices in memory for the gesprek and no trace in the browser's cache (ADR 0080).
 */
export const isCachedVoiceAudio = (path: string) =>
  /^\/api\/voices\/tools\/[^/]+\/[^/]+\/[^/]+\/[^/]+\/[a-f0-9]{32}$/.test(path)
