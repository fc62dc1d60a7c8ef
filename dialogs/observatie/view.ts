import type { SnapshotFrom } from 'xstate'
import { toView } from '../framework/view'
import type { Audience } from '../sharing'
import { observatie } from './index'
import type { observatieMachine } from './machine'

/** The Observatie view per audience; all tools share toView, which goes through project(). */
export const observatieView = (snapshot: SnapshotFrom<typeof observatieMachine>, audience: Audience) =>
  toView(observatie, snapshot, audience)
