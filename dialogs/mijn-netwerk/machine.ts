import { buildToolMachine } from '../framework/build'
import { mijnNetwerkInfo } from './steps'

export const mijnNetwerkMachine = /* @__PURE__ */ buildToolMachine(
  mijnNetwerkInfo.id,
  mijnNetwerkInfo.version,
  mijnNetwerkInfo.steps,
)
