import type { ItemView } from '../../dialogs/contract/view'
import type { Person } from '../../dialogs/framework/items'
import { pictureUrl } from './pictures'

export const CATEGORY_PICTURE: Record<Person['category'], string> = {
  familie: 'family',
  vrienden: 'friends',
  school: 'school',
  hulpverleners: 'carer',
  'club-buurt': 'club',
  online: 'phone',
  huisdier: 'pet',
}

const RADIUS = { 1: 62, 2: 108, 3: 152 } as const
const RING_FILL = { 1: '#e4eef1', 2: '#edf3ef', 3: '#f6f3ec' } as const

/**
 * The bolletjesschema drawn in code: "ik" in the middle, three circles of closeness, and each
 * person (or pet) placed on their circle with the picture of their category and their name.
 */
export function NetwerkCircles({
  people,
  me,
  label,
  selected,
  onSelect,
}: {
  people: Pick<ItemView, 'id' | 'person'>[]
  me: string
  label: string
  selected?: string
  onSelect?: (id: string) => void
}) {
  const byCircle = ([1, 2, 3] as const).map((c) => people.filter((p) => p.person?.circle === c))
  return (
    <svg viewBox="-178 -178 356 356" className="netwerk-circles" role="img" aria-label={label}>
      {([3, 2, 1] as const).map((c) => (
        <circle key={c} r={RADIUS[c] + 22} fill={RING_FILL[c]} stroke="#d8d2c6" strokeWidth="1.5" />
      ))}
      <circle r="30" fill="#3f6f7f" />
      <text y="6" textAnchor="middle" fontSize="17" fontWeight="700" fill="#ffffff">
        {me}
      </text>
      {byCircle.map((list, ci) =>
        list.map((p, i) => {
          const c = (ci + 1) as 1 | 2 | 3
          // Spread people evenly, each circle turned a little so names do not line up in a column.
          const angle = -Math.PI / 2 + (i / Math.max(list.length, 1)) * Math.PI * 2 + ci * 0.5
          const x = Math.cos(angle) * RADIUS[c]
          const y = Math.sin(angle) * RADIUS[c]
          const person = p.person!
          const pic = pictureUrl(CATEGORY_PICTURE[person.category])
          const isSelected = selected === p.id
          return (
            <g
              key={p.id}
              transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}
              className="netwerk-circles__person"
              onClick={onSelect ? () => onSelect(p.id) : undefined}
            >
              <circle
                r="17"
                fill="#ffffff"
                stroke={person.mustNotKnow ? '#9a4d3b' : isSelected ? '#3f6f7f' : '#9aa3a8'}
                strokeWidth={isSelected ? 3.5 : 2}
                strokeDasharray={person.mustNotKnow ? '4 3' : undefined}
              />
              {pic && <image href={pic} x="-12" y="-12" width="24" height="24" />}
              <text y="30" textAnchor="middle" fontSize="11" fontWeight="700" fill="#2f3437">
                {person.name.length > 12 ? person.name.slice(0, 11) + '…' : person.name}
              </text>
            </g>
          )
        }),
      )}
    </svg>
  )
}
