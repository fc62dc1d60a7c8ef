import type { ItemView } from '../../dialogs/contract/view'

type Strokes = NonNullable<ItemView['drawing']>

export const strokePath = (stroke: readonly (readonly [number, number])[]) =>
  stroke.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(' ')

/** A child's drawing: strokes in a 0..1000 box, drawn as calm dark lines. */
export function DrawingView({ drawing, label, className }: { drawing: Strokes; label: string; className?: string }) {
  return (
    <svg viewBox="0 0 1000 1000" className={className ?? 'drawing-view'} role="img" aria-label={label}>
      <rect width="1000" height="1000" rx="40" fill="#fffdf8" />
      <DrawingStrokes strokes={drawing} />
    </svg>
  )
}

/** The strokes themselves, shared by the view and the pad the child draws on: a dot for a tap, else a line. */
export function DrawingStrokes({ strokes }: { strokes: readonly (readonly (readonly [number, number])[])[] }) {
  return strokes.map((stroke, i) =>
    stroke.length === 1 ? (
      <circle key={i} cx={stroke[0]![0]} cy={stroke[0]![1]} r="9" fill="#2f3437" />
    ) : (
      <path
        key={i}
        d={strokePath(stroke)}
        fill="none"
        stroke="#2f3437"
        strokeWidth="16"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    ),
  )
}
