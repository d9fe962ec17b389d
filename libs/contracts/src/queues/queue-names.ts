/**
 * Every internal queue. Names carry no prefix: the BullMQ prefix (QUEUE_PREFIX, a {hash tag} on
 * Redis Cluster) is applied by the messaging library.
 */
export const QueueNames = {
  orderIntake: 'order-intake',
  settingsForGateway: 'settings-ingestion-gateway',
  settingsForOrderManagement: 'settings-order-management',
  settingsForQuoting: 'settings-quoting',
  /** Order management -> quoting: quote this order for intake, as a flow's child (answer = return value). */
  quoteRequests: 'quote-requests',
  /**
   * Order management -> quoting: quote for a person who is waiting (previews, draft edits,
   * finalisation). Its own queue, so a person's quote is never queued behind an intake backlog,
   * and the waiter reads only these jobs' completions, not every intake quote's.
   */
  quotePreviews: 'quote-previews',
  /** Parents of quote flows: order management places or drafts the quoted order. */
  quotedOrders: 'quoted-orders',
  /** Order management -> gateway: read a stored delivery again (replay). */
  deliveryReplays: 'delivery-replays',
  /** Gateway and order management -> client settings: deliveries seen, API keys used (batched). */
  settingsActivity: 'settings-activity',
} as const;
export type QueueName = (typeof QueueNames)[keyof typeof QueueNames];

/** Every app that keeps a projection of client settings gets each change on its own queue. */
export const SETTINGS_SUBSCRIBER_QUEUES: readonly QueueName[] = [
  QueueNames.settingsForGateway,
  QueueNames.settingsForOrderManagement,
  QueueNames.settingsForQuoting,
];
