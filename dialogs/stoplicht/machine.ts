import { buildToolMachine } from '../framework/build'
import { stoplichtInfo } from './steps'

export const stoplichtMachine = /* @__PURE__ */ buildToolMachine(
  stoplichtInfo.id,
  stoplichtInfo.version,
  stoplichtInfo.steps,
)
