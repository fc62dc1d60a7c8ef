import { buildToolMachine } from '../framework/build'
import { kamerNotitiesInfo } from './steps'

export const kamerNotitiesMachine = /* @__PURE__ */ buildToolMachine(
  kamerNotitiesInfo.id,
  kamerNotitiesInfo.version,
  kamerNotitiesInfo.steps,
)
