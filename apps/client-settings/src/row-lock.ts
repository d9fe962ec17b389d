import { LockMode } from '@mikro-orm/core';

/**
 * Inside a change's transaction, a row read for update stays locked until commit: concurrent changes
 * to it then apply, and get their versions, one after the other, so what is published is never older
 * than what is stored.
 */
export const rowLock = (forUpdate: boolean) => (forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
