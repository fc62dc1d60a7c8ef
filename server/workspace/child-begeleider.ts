import { BegeleiderPicture } from '../../dialogs/contract/http'
import type { Deps } from '../deps'

/** The picture a begeleider chose to show children, if it is still one of the offered ones. */
const pictureOf = (raw: unknown) => {
  const picture = BegeleiderPicture.safeParse(raw)
  return picture.success && picture.data ? { begeleiderPicture: picture.data } : {}
}

/** What a child's screen shows of the child's own begeleider: the display name and the chosen picture. */
export async function childBegeleider(deps: Deps, childId: string) {
  const row = await deps.db
    .selectFrom('children')
    .innerJoin('begeleiders', 'begeleiders.id', 'children.begeleider_id')
    .select(['children.age_band', 'begeleiders.display_name', 'begeleiders.picture'])
    .where('children.id', '=', childId)
    .executeTakeFirstOrThrow()
  return { ageBand: row.age_band, begeleider: row.display_name, ...pictureOf(row.picture) }
}

/** The same for a gesprek a child's screen just joined, with its tool and the child's nickname. */
export async function joinedGesprek(deps: Deps, gesprekId: string) {
  const row = await deps.db
    .selectFrom('gesprekken')
    .innerJoin('children', 'children.id', 'gesprekken.child_id')
    .innerJoin('begeleiders', 'begeleiders.id', 'children.begeleider_id')
    .select(['gesprekken.tool_id', 'children.nickname', 'begeleiders.display_name', 'begeleiders.picture'])
    .where('gesprekken.id', '=', gesprekId)
    .executeTakeFirstOrThrow()
  return { toolId: row.tool_id, nickname: row.nickname, begeleider: row.display_name, ...pictureOf(row.picture) }
}
