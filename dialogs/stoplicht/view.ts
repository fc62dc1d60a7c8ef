import type { SnapshotFrom } from 'xstate'
import { toView } from '../framework/view'
import type { Audience } from '../sharing'
import { stoplicht } from './index'
import type { stoplichtMachine } from './machine'

/** The Stoplicht view per audience; all tools share toView, which goes through project(). */
export const stoplichtView = (snapshot: SnapshotFrom<typeof stoplichtMachine>, audience: Audience) =>
  toView(stoplicht, snapshot, audience)
