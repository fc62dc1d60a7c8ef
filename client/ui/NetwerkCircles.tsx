import type { ItemView } from '../../dialogs/contract/view'
import type { Person } from '../../dialogs/framework/items'
import { CHILD_RINGS as RINGS, placePeople } from './netwerk-layout'
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

const RING_FILL = { 1: '#e4eef1', 2: '#edf3ef', 3: '#f6f3ec' } as const

/**
 * The bolletjesschema drawn in code: "ik" in the middle, three circles of closeness, and each
 * person (or pet), with the picture of their category and their name, inside the ring of their circle.
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
  // Each person, circle and name, inside the ring of their own circle (never on a line between two).
  const placed = new Map(
    placePeople(
      byCircle.map((list) => list.map((p) => ({ key: p.id, name: p.person!.name }))),
      RINGS,
    ).map((p) => [p.key, p]),
  )
  const c = RINGS.size / 2
  return (
    <svg viewBox={`0 0 ${RINGS.size} ${RINGS.size}`} className="netwerk-circles" role="img" aria-label={label}>
      {([3, 2, 1] as const).map((n) => (
        <circle
          key={n}
          cx={c}
          cy={c}
          r={RINGS.rings[n]}
          fill={RING_FILL[n]}
          stroke="#d8d2c6"
          strokeWidth="1.5"
          data-ring={n}
        />
      ))}
      <circle cx={c} cy={c} r={RINGS.me} fill="#3f6f7f" />
      <text x={c} y={c + 6} textAnchor="middle" fontSize="17" fontWeight="700" fill="#ffffff">
        {me}
      </text>
      {people.map((p) => {
        const at = placed.get(p.id)
        if (!at || !p.person) return null
        const person = p.person
        const pic = pictureUrl(CATEGORY_PICTURE[person.category])
        const isSelected = selected === p.id
        return (
          <g
            key={p.id}
            transform={`translate(${at.x.toFixed(1)} ${at.y.toFixed(1)})`}
            className="netwerk-circles__person"
            data-circle={person.circle}
            onClick={onSelect ? () => onSelect(p.id) : undefined}
          >
            <circle
              r={RINGS.mark}
              fill="#ffffff"
              stroke={person.mustNotKnow ? '#9a4d3b' : isSelected ? '#3f6f7f' : '#9aa3a8'}
              strokeWidth={isSelected ? 3.5 : 2}
              strokeDasharray={person.mustNotKnow ? '4 3' : undefined}
            />
            {pic && <image href={pic} x="-12" y="-12" width="24" height="24" />}
            <text y={at.nameY} textAnchor="middle" fontSize={RINGS.font} fontWeight="700" fill="#2f3437">
              {at.lines.map((line, n) => (
                <tspan key={n} x={0} dy={n === 0 ? 0 : RINGS.lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
