// MijnKamer uses the shared event language unchanged; the step guards decide what fits where.
export { GesprekEvent as MijnKamerEvent } from '../framework/events'
