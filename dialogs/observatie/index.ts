import type { ToolDef } from '../framework/tool'
import { observatieMachine } from './machine'
import { observatieInfo } from './steps'

export const observatie: ToolDef = { ...observatieInfo, machine: observatieMachine }
