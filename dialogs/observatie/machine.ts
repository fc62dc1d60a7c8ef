import { buildToolMachine } from '../framework/build'
import { observatieInfo } from './steps'

export const observatieMachine = /* @__PURE__ */ buildToolMachine(
  observatieInfo.id,
  observatieInfo.version,
  observatieInfo.steps,
)
