import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "@/testing/msw-server";
import { currentPath, renderApp } from "@/testing/render-app";

describe("signed-in shell", () => {
  it("shows an admin the Users screen in the nav", async () => {
    const { user, router } = await renderApp("/admin/users", { signedInAs: "admin" });
    const nav = await screen.findByRole("navigation", { name: "Main" });
    await user.click(within(nav).getByRole("link", { name: "Users" }));
    expect(await screen.findByRole("heading", { name: "Users", level: 1 })).toBeInTheDocument();
    expect(currentPath(router)).toBe("/admin/users");
  });

  it("hides Users from a viewer and refuses the screen if they go there anyway", async () => {
    await renderApp("/admin/users", { signedInAs: "viewer" });
    expect(await screen.findByText("You do not have access to this screen")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Users" })).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Users" })).not.toBeInTheDocument();
    expect(document.title).toBe("No access · RMM Deck");
  });

  it("shows an approver Approvals (proposals:decide) and opens it", async () => {
    const { user, router } = await renderApp("/sites", { signedInAs: "approver" });
    const nav = await screen.findByRole("navigation", { name: "Main" });
    await user.click(within(nav).getByRole("link", { name: /^Approvals/ }));
    expect(await screen.findByRole("heading", { name: "Approvals", level: 1 })).toBeInTheDocument();
    expect(currentPath(router)).toBe("/approvals");
    expect(within(nav).queryByRole("link", { name: "Users" })).not.toBeInTheDocument();
  });

  it("hides Approvals from a technician and refuses the screen, naming the permission", async () => {
    await renderApp("/approvals", { signedInAs: "technician" });
    expect(await screen.findByText("You do not have access to this screen")).toBeInTheDocument();
    expect(screen.getByText(/Deciding what agents propose/)).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).queryByRole("link", { name: /^Approvals/ })).not.toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Jobs" })).toBeInTheDocument();
  });

  it("lets a viewer list jobs but not reach the job launcher (jobs:run)", async () => {
    const { router } = await renderApp("/jobs/new", { signedInAs: "viewer" });
    expect(await screen.findByText("You do not have access to this screen")).toBeInTheDocument();
    expect(screen.getByText(/Running jobs/)).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Run a component" })).not.toBeInTheDocument();

    await act(() => router.navigate("/jobs"));
    await waitFor(() =>
      expect(screen.queryByText("You do not have access to this screen")).not.toBeInTheDocument(),
    );
  });

  it("lets a technician reach the job launcher", async () => {
    await renderApp("/jobs/new", { signedInAs: "technician" });
    expect(
      await screen.findByRole("heading", { name: "Run a component", level: 1 }),
    ).toBeInTheDocument();
    expect(screen.queryByText("You do not have access to this screen")).not.toBeInTheDocument();
  });

  it("says DEMO in demo mode and who is signed in", async () => {
    const { user } = await renderApp("/admin/users", { signedInAs: "technician" });
    expect(await screen.findByText("Demo mode: simulated tenant")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Account: technician" }));
    const menu = screen.getByRole("menu", { name: "Account: technician" });
    expect(menu).toHaveTextContent("Signed in as");
    expect(menu).toHaveTextContent("technician");
  });

  it("signs out from the user menu and then needs a new sign-in", async () => {
    const { user, router } = await renderApp("/admin/users", { signedInAs: "admin" });
    await user.click(await screen.findByRole("button", { name: "Account: admin" }));
    await user.click(screen.getByRole("menuitem", { name: "Sign out" }));
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    expect(currentPath(router)).toBe("/login");

    await act(() => router.navigate("/admin/users"));
    await waitFor(() => expect(currentPath(router)).toBe("/login?next=%2Fadmin%2Fusers"));
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
  });

  it("sends the person to sign in again when any request answers 401", async () => {
    server.use(
      http.get("*/api/users", () =>
        HttpResponse.json(
          { error: { code: "unauthenticated", message: "Sign in to continue." } },
          { status: 401 },
        ),
      ),
    );
    const { router } = await renderApp("/admin/users", { signedInAs: "admin" });
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    expect(currentPath(router)).toBe("/login?next=%2Fadmin%2Fusers");
  });

  it("operates the user menu from the keyboard: arrows move, Escape closes and returns focus", async () => {
    const { user } = await renderApp("/admin/users", { signedInAs: "admin" });
    const button = await screen.findByRole("button", { name: "Account: admin" });
    button.focus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("menuitemradio", { name: /Light/ })).toHaveFocus();
    await user.keyboard("{End}");
    expect(screen.getByRole("menuitem", { name: "Sign out" })).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("menuitemradio", { name: /Light/ })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it("offers a skip link to the main content", async () => {
    const { user } = await renderApp("/admin/users", { signedInAs: "admin" });
    await screen.findByRole("navigation", { name: "Main" });
    await user.tab();
    const skip = screen.getByRole("link", { name: "Skip to main content" });
    expect(skip).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("main")).toHaveFocus();
  });

  it("shows a not-found screen inside the shell for an unknown address", async () => {
    await renderApp("/no/such/screen", { signedInAs: "viewer" });
    expect(await screen.findByText("Page not found")).toBeInTheDocument();
    expect(document.title).toBe("Page not found · RMM Deck");
    expect(screen.getByRole("button", { name: "Account: viewer" })).toBeInTheDocument();
  });
});
