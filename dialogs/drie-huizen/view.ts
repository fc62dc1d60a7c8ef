import type { SnapshotFrom } from 'xstate'
import { toView } from '../framework/view'
import type { Audience } from '../sharing'
import { drieHuizen } from './index'
import type { drieHuizenMachine } from './machine'

/** The Drie huizen view per audience; all tools share toView, which goes through project(). */
export const drieHuizenView = (snapshot: SnapshotFrom<typeof drieHuizenMachine>, audience: Audience) =>
  toView(drieHuizen, snapshot, audience)
