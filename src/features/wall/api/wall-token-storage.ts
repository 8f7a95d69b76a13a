import { WALL_TOKEN_PREFIX } from "@server/contract/wall";

/** Where a wall keeps its token between reloads and restarts of the kiosk browser. */
export const WALL_TOKEN_STORAGE_KEY = "rmm-deck.wall-token";

function read(): string | null {
  try {
    return window.localStorage.getItem(WALL_TOKEN_STORAGE_KEY);
  } catch {
    return null; // storage disabled: the token lives only as long as the page
  }
}

function write(token: string) {
  try {
    window.localStorage.setItem(WALL_TOKEN_STORAGE_KEY, token);
  } catch {
    // Same: the page still works until it is reloaded.
  }
}

/**
 * The wall's token. The admin's link carries it once, in the fragment (`/wall#token=...`): it is
 * kept in this browser and dropped from the address bar at once, so it is not left on screen or
 * in the history. Later visits use the kept one; a new link replaces it.
 */
export function captureWallToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  const fromLink = match?.[1] ? decodeURIComponent(match[1]) : null;
  if (fromLink?.startsWith(WALL_TOKEN_PREFIX)) {
    write(fromLink);
    window.history.replaceState(window.history.state, "", window.location.pathname);
    return fromLink;
  }
  if (match) window.history.replaceState(window.history.state, "", window.location.pathname);
  return read();
}
