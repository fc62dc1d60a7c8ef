import * as z from 'zod'
import { ChildId, GesprekId, Id } from './ids'

/**
 * A begeleider's task that an answer asks for (the kennismaking's left-behind pet: "huisdier: opvang
 * regelen" [002:1070-1074]). A task names its type and where it came from, never the answer's words:
 * its title is the workspace's own text (docs/tasks.md).
 */
export const TASK_TYPES = ['huisdier-opvang'] as const
export const TaskType = z.enum(TASK_TYPES)
export type TaskType = z.output<typeof TaskType>

export const TaskView = z.strictObject({
  id: Id,
  childId: ChildId,
  type: TaskType,
  gesprekId: GesprekId,
  createdAt: z.string(),
  /** When the begeleider ticked it off, or null while it is open. */
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
})
export type TaskView = z.output<typeof TaskView>
export const ChildTasksOut = z.strictObject({ tasks: z.array(TaskView) })
export type ChildTasksOut = z.output<typeof ChildTasksOut>
/** Tick a task off, or open it again. */
export const TaskDoneBody = z.strictObject({ done: z.boolean() })
