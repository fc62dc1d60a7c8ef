// Observatie uses the shared event language unchanged; the step guards decide what fits where.
export { GesprekEvent as ObservatieEvent } from '../framework/events'
