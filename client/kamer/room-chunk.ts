/**
 * The room's chunk (socket, outbox, contract, tools; ADR 0008). The PIN screen fetches its files without
 * running them (client/net/prefetch.ts); it runs when the jongere sends the PIN, while the server
 * checks it, so the room is ready about when the answer comes.
 */
export const loadRoom = () => import('./Room')
