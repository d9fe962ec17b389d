/** Why an integration event could not become an order, in words a person can act on. */
export interface OrderReason {
  code: string;
  message: string;
}

export const NO_PICKUP_ADDRESS: OrderReason = {
  code: 'NO_PICKUP_ADDRESS',
  message:
    'The order has no pickup task and the client has no default pickup address: add a default pickup address to the client, or send a pickup task.',
};

export const invalidTime = (field: string, value: string): OrderReason => ({
  code: 'INVALID_TIME',
  message: `${field} "${value}" is not a date-time that exists in the client's timezone.`,
});

export const windowEndsBeforeStart = (readyBy: Date, dueBy: Date): OrderReason => ({
  code: 'INVALID_WINDOW',
  message: `The dropoff must be completed before ${dueBy.toISOString()}, which is earlier than its earliest completion time ${readyBy.toISOString()}.`,
});
