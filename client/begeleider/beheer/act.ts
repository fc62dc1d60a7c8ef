/**
 * One change on the beheer page: the call, and what the status line says when the server said yes.
 * Resolves true when it did, so a form knows whether to close.
 */
export type Act = (call: () => Promise<unknown>, message?: string) => Promise<boolean>
