// MijnNetwerk uses the shared event language unchanged; the step guards decide what fits where.
export { GesprekEvent as MijnNetwerkEvent } from '../framework/events'
