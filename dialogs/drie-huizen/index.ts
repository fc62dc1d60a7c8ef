import type { ToolDef } from '../framework/tool'
import { drieHuizenMachine } from './machine'
import { drieHuizenInfo } from './steps'

export const drieHuizen: ToolDef = { ...drieHuizenInfo, machine: drieHuizenMachine }
