import { Counter } from 'prom-client';

/** Integration events settled, by outcome: a rise in REJECTED or FAILED is where operators look. */
export const intakeOutcomes = new Counter({ name: 'intake_events_total', help: 'Integration events processed, by outcome.', labelNames: ['outcome'] });
