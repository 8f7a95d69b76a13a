import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { errorMessage, isApiRequestError } from "@/lib/api-client";
import { useNow } from "@/lib/use-now";
import { captureWallToken } from "../api/wall-token-storage";
import { DEFAULT_REFRESH_MS, wallQueries } from "../api/wall-queries";
import { wallFreshness } from "../wall-freshness";
import { useNewCriticals } from "./use-new-criticals";
import { WallBoard } from "./wall-board";
import { AccessRevoked, NoWallLink, WallMessage } from "./wall-screens";

/**
 * The whole page scales with the screen: the root font size follows the viewport (the smaller of
 * its width and height, so a 16:9 screen fits as a 16:10 one does: by width alone 1920x1080 clipped
 * the lower panels), and everything is sized in rem, so 3840x2160 shows the 1920x1080 layout at
 * twice the size (SVG and text stay sharp). Dark whatever the console's theme.
 */
function useWallDocument() {
  useEffect(() => {
    const root = document.documentElement;
    const before = {
      fontSize: root.style.fontSize,
      colorScheme: root.style.colorScheme,
      title: document.title,
    };
    root.style.fontSize = "clamp(12px, min(0.95vw, 1.5vh), 48px)";
    root.style.colorScheme = "dark";
    document.title = "Wall · RMM Deck";
    return () => {
      root.style.fontSize = before.fontSize;
      root.style.colorScheme = before.colorScheme;
      document.title = before.title;
    };
  }, []);
}

/** Answers this page cannot read in a row before it reloads itself (a new server version). */
const UNREADABLE_BEFORE_RELOAD = 3;

/**
 * After an upgrade the server may answer in a shape this (old) page cannot read: reload it, once
 * a few answers in a row say so, rather than stay STALE until someone walks up to the screen.
 * The token is kept, so the wall comes back by itself.
 */
function useReloadWhenOutdated(error: unknown, errorUpdatedAt: number, dataUpdatedAt: number) {
  const unreadable = useRef(0);
  useEffect(() => {
    if (dataUpdatedAt > errorUpdatedAt) unreadable.current = 0;
  }, [dataUpdatedAt, errorUpdatedAt]);
  useEffect(() => {
    if (!(error instanceof Error) || error.name !== "ZodError") return;
    unreadable.current += 1;
    if (unreadable.current >= UNREADABLE_BEFORE_RELOAD) window.location.reload();
  }, [error, errorUpdatedAt]);
}

/**
 * /wall: the NOC kiosk (issue 12). Runs unattended for days: it asks again on every refresh
 * period whatever happened to the last request (network blips, server restarts), keeps the last
 * good numbers on screen marked as old, and never needs a reload.
 */
export function WallPage() {
  useWallDocument();
  const [token] = useState(captureWallToken);
  const summary = useQuery({
    ...wallQueries.summary(token),
    refetchInterval: (query) =>
      isApiRequestError(query.state.error, 401)
        ? false
        : (query.state.data?.refreshSeconds ?? DEFAULT_REFRESH_MS / 1000) * 1000,
  });
  const now = useNow(1000);
  const criticals = useNewCriticals(summary.data);
  useReloadWhenOutdated(summary.error, summary.errorUpdatedAt, summary.dataUpdatedAt);

  if (isApiRequestError(summary.error, 401)) return token ? <AccessRevoked /> : <NoWallLink />;
  const data = summary.data;
  const refreshMs = (data?.refreshSeconds ?? DEFAULT_REFRESH_MS / 1000) * 1000;
  const freshness = wallFreshness({
    now,
    refreshMs,
    dataUpdatedAt: summary.dataUpdatedAt,
    errorUpdatedAt: summary.errorUpdatedAt,
    errorMessage: summary.error ? errorMessage(summary.error) : null,
    summary: data,
  });
  if (!data) {
    return (
      <WallMessage title={summary.isError ? "Cannot reach RMM Deck" : "Starting the wall…"}>
        {summary.isError ? (
          <p>
            {errorMessage(summary.error)} Trying again in{" "}
            {Math.max(0, Math.ceil((freshness.nextRefreshAt - now) / 1000))} s.
          </p>
        ) : (
          <p>Reading the first numbers.</p>
        )}
      </WallMessage>
    );
  }
  // Ages count on the server's clock: a kiosk's own clock may be minutes off.
  const serverNow = data.serverNow + (now - summary.dataUpdatedAt);
  return (
    <WallBoard
      summary={data}
      freshness={freshness}
      now={now}
      serverNow={serverNow}
      layout={data.wall?.layout ?? "all"}
      rotateSeconds={data.wall?.rotateSeconds ?? 20}
      flashing={criticals.flashing}
      isSoundOn={criticals.isSoundOn}
      onToggleSound={criticals.toggleSound}
    />
  );
}
