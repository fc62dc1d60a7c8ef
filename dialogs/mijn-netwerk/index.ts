import type { ToolDef } from '../framework/tool'
import { mijnNetwerkMachine } from './machine'
import { mijnNetwerkInfo } from './steps'

export const mijnNetwerk: ToolDef = { ...mijnNetwerkInfo, machine: mijnNetwerkMachine }
