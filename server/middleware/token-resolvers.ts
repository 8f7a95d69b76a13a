import type { TokenResolver } from "./resolve-actor";

const nobody: TokenResolver = async () => null;

/**
 * One resolver over every kind of bearer token, chosen by the token's prefix (`rmmd_wall_`,
 * `rmmd_agent_`). A token of no known kind goes to `otherwise` (tests' fixed tokens), by default
 * to nobody, without touching any store.
 */
export function createTokenResolvers(
  byPrefix: Record<string, TokenResolver>,
  otherwise: TokenResolver = nobody,
): TokenResolver {
  const entries = Object.entries(byPrefix);
  return async (token) => {
    const match = entries.find(([prefix]) => token.startsWith(prefix));
    return match ? match[1](token) : otherwise(token);
  };
}
