const VERBS: Record<string, string> = { remove: 'delete' };

/**
 * Short, readable operation ids from the controller and method names: `OrdersController.list` is
 * `listOrders`, `DraftsController.finalize` is `finalizeDraft`, `RateTablesController.remove` is
 * `deleteRateTable`. A method name that already says its object (`receiveHook`,
 * `getIntegrationSettings`) or is the object (`QuotesController.quote`) is kept as it is. An
 * `@ApiOperation({ operationId })` overrides this where the rule reads badly.
 */
export function operationId(controllerKey: string, methodKey: string): string {
  if (/[A-Z]/.test(methodKey)) return methodKey;
  const plural = controllerKey.replace(/Controller$/, '');
  const singular = plural.replace(/s$/, '');
  if (methodKey === singular.toLowerCase()) return methodKey;
  return methodKey === 'list' ? `list${plural}` : `${VERBS[methodKey] ?? methodKey}${singular}`;
}
