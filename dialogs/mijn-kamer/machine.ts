import { buildToolMachine } from '../framework/build'
import { mijnKamerInfo } from './steps'

export const mijnKamerMachine = /* @__PURE__ */ buildToolMachine(
  mijnKamerInfo.id,
  mijnKamerInfo.version,
  mijnKamerInfo.steps,
)
