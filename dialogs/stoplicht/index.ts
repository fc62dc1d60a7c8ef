import type { ToolDef } from '../framework/tool'
import { stoplichtMachine } from './machine'
import { stoplichtInfo } from './steps'

export const stoplicht: ToolDef = { ...stoplichtInfo, machine: stoplichtMachine }
