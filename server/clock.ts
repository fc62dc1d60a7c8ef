/** Time comes from here so tests can move it (the only thing we mock). */
export type Clock = { now: () => number }
export const systemClock: Clock = { now: () => Date.now() }
export const iso = (clock: Clock, plusMs = 0) => new Date(clock.now() + plusMs).toISOString()
