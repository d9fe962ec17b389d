import type { Principal } from './principal';

/** Each app answers from its own store (client settings owns keys; others keep a projection). */
export abstract class ApiKeyResolver {
  abstract resolve(keyHash: string): Promise<Principal | null>;
}
