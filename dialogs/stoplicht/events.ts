// Stoplicht uses the shared event language unchanged; the step guards decide what fits where.
export { GesprekEvent as StoplichtEvent } from '../framework/events'
