import type { Colour } from '../../dialogs/framework/items'

export const COLOURS: readonly Colour[] = ['rood', 'oranje', 'groen']

/** Soft lamp colours (no pure red field, ui.md) and a shape per colour so colour is never the only cue. */
export const LAMP: Record<Colour, { on: string; off: string }> = {
  groen: { on: '#6fae7b', off: '#dfe8df' },
  oranje: { on: '#e6a64c', off: '#f1e7d6' },
  rood: { on: '#cf7262', off: '#efdcd7' },
}

/** The mark inside a lamp and on the colour buttons: a tick, a wave, a bar. */
export function ColourMark({ colour, size = 20 }: { colour: Colour; size?: number }) {
  const common = { stroke: '#ffffff', strokeWidth: 3.2, fill: 'none', strokeLinecap: 'round' as const }
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" className="colour-mark">
      {colour === 'groen' && <path d="M6 12.5l4 4 8-9" {...common} strokeLinejoin="round" />}
      {colour === 'oranje' && <path d="M5 13c2.5-3 4.5-3 7 0s4.5 3 7 0" {...common} />}
      {colour === 'rood' && <path d="M6 12h12" {...common} />}
    </svg>
  )
}

/**
 * A traffic light drawn in code. The lamp of `lit` glows; every lamp shows how many things the
 * child gave that colour, so the light fills up as the child answers (ui.md: the visual fills up).
 */
export function TrafficLight({ lit, counts, label }: { lit?: Colour; counts: Record<Colour, number>; label: string }) {
  return (
    <svg viewBox="0 0 80 200" className="traffic-light" role="img" aria-label={label}>
      <rect x="34" y="168" width="12" height="30" rx="3" fill="#8b9196" />
      <rect x="8" y="4" width="64" height="168" rx="20" fill="#4b5358" />
      {COLOURS.map((colour, i) => {
        const cy = 36 + i * 52
        const on = lit === colour || (lit === undefined && counts[colour] > 0)
        return (
          <g key={colour}>
            <circle cx="40" cy={cy} r="21" fill={on ? LAMP[colour].on : LAMP[colour].off} />
            {on && (
              <circle
                cx="40"
                cy={cy}
                r="25"
                fill="none"
                stroke={LAMP[colour].on}
                strokeOpacity="0.35"
                strokeWidth="4"
              />
            )}
            <g transform={`translate(30 ${cy - 10})`}>
              <ColourMark colour={colour} />
            </g>
            {counts[colour] > 0 && (
              <g>
                <circle cx="66" cy={cy - 16} r="9" fill="#ffffff" stroke="#4b5358" strokeWidth="1.5" />
                <text x="66" y={cy - 12} textAnchor="middle" fontSize="11" fontWeight="700" fill="#2f3437">
                  {counts[colour]}
                </text>
              </g>
            )}
          </g>
        )
      })}
    </svg>
  )
}
