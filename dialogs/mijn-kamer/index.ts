import type { ToolDef } from '../framework/tool'
import { mijnKamerMachine } from './machine'
import { mijnKamerInfo } from './steps'

export const mijnKamer: ToolDef = { ...mijnKamerInfo, machine: mijnKamerMachine }
