// Apart from useKamer: the entry screen needs these without loading the socket and the contract (ADR 0008).

/** Why the kamer closed itself: the jongere then sees the PIN screen with a calm line. */
export type LockReason = 'idle' | 'ended'

/**
 * Tells the server to revoke the token; `keepalive` lets it go out while the page is leaving. A raw fetch
 * on purpose: the answer is not read, and loading the typed client first could miss the leaving page.
 */
export function lockOnServer(token: string): void {
  void fetch('/api/kamer/lock', {
    method: 'POST',
    keepalive: true,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: '{}',
    cache: 'no-store',
  }).catch(() => undefined)
}
