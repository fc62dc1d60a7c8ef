import { pictureUrl } from './pictures'

export type HouseVariant = 'goed' | 'zorgen' | 'dromen' | 'sterk'

const COLOURS: Record<HouseVariant, { wall: string; roof: string }> = {
  goed: { wall: '#dcebd6', roof: '#8fb58a' },
  zorgen: { wall: '#dde4ec', roof: '#8a9db3' },
  dromen: { wall: '#e9e0f0', roof: '#a690bf' },
  sterk: { wall: '#f4e8d2', roof: '#c9a46b' },
}

/** A heart, a rain cloud, a star and a cup: 20×20 signs drawn in the roof. */
const EMBLEM: Record<HouseVariant, string> = {
  goed: 'M10 18 C3 12 1 9 1 6 A4.5 4.5 0 0 1 10 4 A4.5 4.5 0 0 1 19 6 C19 9 17 12 10 18 Z',
  zorgen: 'M5 14 A4 4 0 0 1 5 6 A5.5 5.5 0 0 1 15 5 A4.5 4.5 0 0 1 15 14 Z M7 16 L6 19 M11 16 L10 19 M15 16 L14 19',
  dromen: 'M10 1 L12.6 7 L19 7.5 L14 11.6 L15.6 18 L10 14.5 L4.4 18 L6 11.6 L1 7.5 L7.4 7 Z',
  sterk: 'M4 2 H16 V7 A6 6 0 0 1 4 7 Z M10 13 V16 M6 18 H14',
}

/** A house drawn in code that fills its windows with the child's pictures as items are added. */
export function House({
  variant,
  pictures,
  count,
  label,
}: {
  variant: HouseVariant
  pictures: string[]
  count: number
  label: string
}) {
  const c = COLOURS[variant]
  const windows = [
    [28, 62],
    [72, 62],
    [28, 98],
    [72, 98],
  ] as const
  return (
    <svg viewBox="0 0 120 140" className="house" role="img" aria-label={label}>
      <path d="M10 58 L60 14 L110 58 Z" fill={c.roof} />
      {variant === 'dromen' && <circle cx="96" cy="18" r="7" fill="#f2d98b" />}
      {/* Each house has its own sign in the gable: the houses differ without their colours too. */}
      <path d={EMBLEM[variant]} transform="translate(50 30)" fill="#ffffff" stroke="#2f3437" strokeWidth="1.2" />
      <rect x="16" y="56" width="88" height="78" rx="4" fill={c.wall} stroke={c.roof} strokeWidth="2" />
      {windows.map(([x, y], i) => {
        const pic = pictures[i] ? pictureUrl(pictures[i]) : undefined
        return (
          <g key={i}>
            <rect
              x={x - 13}
              y={y - 13}
              width="26"
              height="26"
              rx="4"
              fill={i < count ? '#fffdf6' : '#f7f4ec'}
              stroke={c.roof}
              strokeWidth="1.5"
            />
            {pic ? (
              <image href={pic} x={x - 11} y={y - 11} width="22" height="22" />
            ) : i < count ? (
              <circle cx={x} cy={y} r="5" fill={c.roof} />
            ) : null}
          </g>
        )
      })}
      {count > 4 && (
        <text x="60" y="132" textAnchor="middle" fontSize="10" fill="#4a4a4a">
          +{count - 4}
        </text>
      )}
    </svg>
  )
}
