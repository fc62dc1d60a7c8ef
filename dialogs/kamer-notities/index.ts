import type { ToolDef } from '../framework/tool'
import { kamerNotitiesMachine } from './machine'
import { kamerNotitiesInfo } from './steps'

export const kamerNotities: ToolDef = { ...kamerNotitiesInfo, machine: kamerNotitiesMachine }
