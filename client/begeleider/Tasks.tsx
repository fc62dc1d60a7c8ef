import { useCallback, useEffect, useState } from 'react'
import type { TaskView } from '../../dialogs/contract/tasks'
import { apiClient } from '../net/api-client'
import { useTapUntilConfirmed } from '../ui/useTapUntilConfirmed'
import { linkProps } from './router'
import { formatDay, useWorkspaceT } from './words'

/**
 * Tasks an answer asked for ("huisdier: opvang regelen"), on the child's page: one line each, ticked
 * off in place. The title is the workspace's own text; a task never carries the child's words, so
 * the way to what the child said is the gesprek it links to (which follows the deelafspraak).
 */
export function ChildTasks({ childId, go }: { childId: string; go: (path: string) => void }) {
  const { t, i18n } = useWorkspaceT()
  const [tasks, setTasks] = useState<TaskView[]>([])
  const load = useCallback(
    () =>
      void apiClient.workspace.tasks(childId).then(
        (r) => setTasks(r.tasks),
        () => {},
      ),
    [childId],
  )
  useEffect(load, [load])
  // The tick shows at once (the box answers the hand, not the network); the server's answer then
  // fills in who and when, and a failure puts the list back as the server has it.
  const ticking = useTapUntilConfirmed(Object.fromEntries(tasks.map((task) => [task.id, task.doneAt !== null])))
  if (tasks.length === 0) return null
  const tick = (task: TaskView, done: boolean) =>
    ticking.tap(
      task.id,
      done,
      apiClient.workspace.setTaskDone(task.id, done).then((r) => setTasks(r.tasks), load),
    )
  return (
    <section className="panel tasks" aria-labelledby="tasks-title" data-testid="tasks">
      <h2 id="tasks-title">{t('workspace:tasks.title')}</h2>
      <ul>
        {tasks.map((task) => (
          <li key={task.id} className={ticking.shown(task.id, task.doneAt !== null) ? 'is-done' : undefined}>
            <label>
              <input
                type="checkbox"
                checked={ticking.shown(task.id, task.doneAt !== null)}
                onChange={(e) => tick(task, e.target.checked)}
              />{' '}
              {t(`workspace:tasks.type.${task.type}`)}
            </label>
            <span className="muted">
              {task.doneAt
                ? t('workspace:tasks.doneOn', { day: formatDay(task.doneAt, i18n.language), by: task.doneBy ?? '' })
                : t('workspace:tasks.since', { day: formatDay(task.createdAt, i18n.language) })}
            </span>
            <a className="btn btn--quiet btn--small" {...linkProps(go, `/begeleider/gesprek/${task.gesprekId}`)}>
              {t('workspace:tasks.open')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
