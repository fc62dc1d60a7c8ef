import type { SnapshotFrom } from 'xstate'
import { toView } from '../framework/view'
import type { Audience } from '../sharing'
import { mijnNetwerk } from './index'
import type { mijnNetwerkMachine } from './machine'

/** The MijnNetwerk view per audience; all tools share toView, which goes through project(). */
export const mijnNetwerkView = (snapshot: SnapshotFrom<typeof mijnNetwerkMachine>, audience: Audience) =>
  toView(mijnNetwerk, snapshot, audience)
