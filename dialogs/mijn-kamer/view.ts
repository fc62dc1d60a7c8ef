import type { SnapshotFrom } from 'xstate'
import { toView } from '../framework/view'
import type { Audience } from '../sharing'
import { mijnKamer } from './index'
import type { mijnKamerMachine } from './machine'

/** The MijnKamer view per audience; all tools share toView, which goes through project(). */
export const mijnKamerView = (snapshot: SnapshotFrom<typeof mijnKamerMachine>, audience: Audience) =>
  toView(mijnKamer, snapshot, audience)
