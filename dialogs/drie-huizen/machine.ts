import { buildToolMachine } from '../framework/build'
import { drieHuizenInfo } from './steps'

export const drieHuizenMachine = /* @__PURE__ */ buildToolMachine(
  drieHuizenInfo.id,
  drieHuizenInfo.version,
  drieHuizenInfo.steps,
)
