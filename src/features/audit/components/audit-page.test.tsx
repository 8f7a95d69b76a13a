import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { getTestApp } from "@/testing/msw-server";
import { currentPath, renderApp } from "@/testing/render-app";

/** The "What" column of the events table, one text per row. */
async function kinds() {
  const table = await screen.findByRole("table");
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[3]!.querySelector(".font-mono")!.textContent);
}

describe("the audit log", () => {
  it("reads its filter from the URL, writes it there, and keeps it over another page and Back", async () => {
    const t = await getTestApp();
    const admin = await t.signIn("admin");
    const created = await admin.post("/api/agent-tokens", {
      name: "audit-bot",
      groups: { devices: "read-only" },
    });
    expect(created.status).toBe(201);

    const { user, router } = await renderApp("/audit?kind=auth", { signedInAs: "admin" });
    const what = await screen.findByLabelText("What");
    expect(what).toHaveValue("auth");
    await waitFor(async () => expect((await kinds()).length).toBeGreaterThan(0));
    expect((await kinds()).every((k) => k?.startsWith("auth."))).toBe(true);

    await user.selectOptions(what, "agent-token");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    await waitFor(() => expect(currentPath(router)).toBe("/audit?kind=agent-token"));
    await waitFor(async () => expect(await kinds()).toContain("agent-token.created"));
    expect((await kinds()).every((k) => k?.startsWith("agent-token."))).toBe(true);

    await router.navigate("/sites");
    expect(await screen.findByRole("heading", { name: "Sites", level: 1 })).toBeInTheDocument();
    await router.navigate(-1);
    expect(await screen.findByLabelText("What")).toHaveValue("agent-token");
    expect((await kinds()).every((k) => k?.startsWith("agent-token."))).toBe(true);
  });
});
