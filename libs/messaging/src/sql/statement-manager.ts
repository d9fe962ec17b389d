import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The entity manager for hot statements run outside a transaction (`executeBound`, the outbox
 * relay): they only take a connection from its pool, and the root manager hands it out as well as a
 * fork. A fork builds a unit of work and rewrites MikroORM's configuration (and an environment
 * variable) every time: in the intake profiles, 2-3 % of the gateway's and order management's busy
 * time and a seventh of an idle app's, spent for nothing. Anything that reads entities or opens a
 * transaction still works on a fork of its own. Called inside a transaction's callback, MikroORM
 * resolves the root manager to that transaction, so `executeBound` joins it rather than running
 * beside it.
 */
export function statementManager(orm: MikroORM): EntityManager {
  return orm.em as EntityManager;
}
