import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CreatedWallTokenSchema } from "@server/contract/wall";
import { client, ensureOk, parseResponse } from "@/lib/api-client";
import { renderApp, signInAs } from "@/testing/render-app";
import { WALL_TOKEN_STORAGE_KEY } from "../api/wall-token-storage";

afterEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, "", "/");
});

/** An admin creates a wall through the real API; the wall's token from its link. */
async function createWall(name: string, layout: "rotate" | "all") {
  await signInAs("admin");
  const created = await parseResponse(
    await client.api["wall-tokens"].$post({ json: { name, layout } }),
    CreatedWallTokenSchema,
  );
  await ensureOk(await client.api.auth.logout.$post());
  return { ...created, token: new URL(created.url).hash.replace("#token=", "") };
}

describe("the wall page", () => {
  it("lets a signed-in person preview the wall, every panel on one screen", async () => {
    await renderApp("/wall", { signedInAs: "viewer" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "NOC wall (preview)" }),
    ).toBeVisible();
    expect(screen.getByRole("heading", { name: /^Open alerts \(\d+\)$/ })).toBeVisible();
    expect(screen.getByRole("list", { name: "Open alerts by priority" })).toBeVisible();
    expect(screen.getByText("failed in the last 24 h")).toBeVisible();
    expect(screen.getByText(/^Updated \d\d:\d\d:\d\d/)).toBeVisible();
    expect(screen.queryByRole("navigation", { name: "Panels" })).not.toBeInTheDocument();
  });

  it("keeps the link's token, clears it from the address bar, and goes dark when revoked", async () => {
    const { token, wall } = await createWall("Ops room", "rotate");
    window.history.replaceState(null, "", `/wall#token=${token}`);
    const { queryClient } = await renderApp("/wall");
    expect(await screen.findByRole("heading", { level: 1, name: "Ops room" })).toBeVisible();
    expect(window.location.hash).toBe("");
    expect(window.localStorage.getItem(WALL_TOKEN_STORAGE_KEY)).toBe(token);
    expect(screen.getByRole("navigation", { name: "Panels" })).toBeVisible();

    await signInAs("admin");
    await ensureOk(await client.api["wall-tokens"][":id"].$delete({ param: { id: wall.id } }));
    // The wall's next refresh (every 15 s; asked for now here).
    await queryClient.refetchQueries({ queryKey: ["wall"] });
    expect(await screen.findByRole("heading", { level: 1, name: "Access revoked" })).toBeVisible();
  });

  it("asks for a wall link when it has neither a token nor a session", async () => {
    await renderApp("/wall");
    const heading = await screen.findByRole("heading", {
      level: 1,
      name: "This screen needs a wall link",
    });
    expect(within(heading.parentElement!).getByRole("link", { name: "sign in" })).toHaveAttribute(
      "href",
      "/login?next=%2Fwall",
    );
  });
});
