import type { TokenResolver } from "./resolve-actor";

/**
 * One resolver for every kind of bearer token, chosen by the token's prefix (`rmmd_agent_`,
 * `rmmd_wall_`): a token with no known prefix resolves to nobody without touching the store.
 */
export function createTokenResolvers(byPrefix: Record<string, TokenResolver>): TokenResolver {
  const entries = Object.entries(byPrefix);
  return async (token) => {
    const match = entries.find(([prefix]) => token.startsWith(prefix));
    return match ? match[1](token) : null;
  };
}
