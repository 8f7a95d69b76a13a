import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render-app";

async function openUsers() {
  const view = await renderApp("/admin/users", { signedInAs: "admin" });
  const table = await screen.findByRole("table", { name: /Users who can sign in/ });
  return { ...view, table };
}

function rowOf(table: HTMLElement, username: string): HTMLElement {
  return within(table).getByRole("rowheader", { name: username }).closest("tr")!;
}

describe("users admin screen", () => {
  it("lists the seeded users with their role and status", async () => {
    const { table } = await openUsers();
    for (const name of ["admin", "approver", "technician", "viewer"]) {
      const row = rowOf(table, name);
      expect(within(row).getByRole("combobox", { name: `Role for ${name}` })).toHaveValue(name);
      expect(row).toHaveTextContent("Active");
    }
  });

  it("creates a user, who then appears in the list and in the recent events", async () => {
    const { user, table } = await openUsers();
    await user.click(screen.getByRole("button", { name: "Create user" }));
    const dialog = screen.getByRole("dialog", { name: "Create user" });
    expect(within(dialog).getByLabelText("Username")).toHaveFocus();
    await user.type(within(dialog).getByLabelText("Username"), "dana.ops");
    await user.type(within(dialog).getByLabelText("Password"), "long enough password");
    await user.selectOptions(within(dialog).getByLabelText("Role"), "technician");
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));

    expect(await screen.findByText("Created user dana.ops.")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await waitFor(() =>
      expect(within(table).getByRole("rowheader", { name: "dana.ops" })).toBeVisible(),
    );
    expect(within(rowOf(table, "dana.ops")).getByRole("combobox")).toHaveValue("technician");
    const events = screen.getByRole("list", { name: /Recent events/ });
    await waitFor(() =>
      expect(within(events).getAllByRole("listitem")[0]).toHaveTextContent(
        "admin created user dana.ops",
      ),
    );
    expect(within(events).getAllByRole("listitem")[0]).toHaveTextContent("as technician");
    expect(events).not.toHaveTextContent("user.created");
  });

  it("says so next to the username when it is taken", async () => {
    const { user } = await openUsers();
    await user.click(screen.getByRole("button", { name: "Create user" }));
    const dialog = screen.getByRole("dialog", { name: "Create user" });
    await user.type(within(dialog).getByLabelText("Username"), "viewer");
    await user.type(within(dialog).getByLabelText("Password"), "long enough password");
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));

    await waitFor(() =>
      expect(within(dialog).getByLabelText("Username")).toHaveAccessibleDescription(
        /taken|exists/i,
      ),
    );
    expect(screen.getByRole("dialog", { name: "Create user" })).toBeInTheDocument();
    // Focus is back on the field to fix, and Escape still closes the dialog.
    expect(within(dialog).getByLabelText("Username")).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("checks the form before sending it", async () => {
    const { user } = await openUsers();
    await user.click(screen.getByRole("button", { name: "Create user" }));
    const dialog = screen.getByRole("dialog", { name: "Create user" });
    await user.type(within(dialog).getByLabelText("Username"), "x");
    await user.type(within(dialog).getByLabelText("Password"), "short");
    await user.click(within(dialog).getByRole("button", { name: "Create user" }));
    expect(within(dialog).getByLabelText("Password")).toHaveAccessibleDescription(
      /at least 8 characters/,
    );
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("asks before changing a role, and changes nothing when cancelled", async () => {
    const { user, table } = await openUsers();
    const role = () => within(rowOf(table, "viewer")).getByRole("combobox");
    await user.selectOptions(role(), "approver");
    const confirm = screen.getByRole("dialog", { name: "Change viewer's role?" });
    expect(confirm).toHaveTextContent("From Viewer to Approver");
    expect(role()).toHaveValue("viewer");
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(role()).toHaveValue("viewer");

    await user.selectOptions(role(), "approver");
    await user.click(screen.getByRole("button", { name: "Make Approver" }));
    await waitFor(() => expect(role()).toHaveValue("approver"));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("asks before disabling a user; enabling applies at once", async () => {
    const { user, table } = await openUsers();
    await user.click(within(table).getByRole("button", { name: "Disable technician" }));
    const confirm = screen.getByRole("dialog", { name: "Disable technician?" });
    expect(rowOf(table, "technician")).toHaveTextContent("Active");
    await user.click(within(confirm).getByRole("button", { name: "Disable" }));
    await waitFor(() => expect(rowOf(table, "technician")).toHaveTextContent("Disabled"));
    await user.click(within(table).getByRole("button", { name: "Enable technician" }));
    await waitFor(() => expect(rowOf(table, "technician")).toHaveTextContent("Active"));
  });

  it("shows the server's refusal inline when the last admin would lose the role", async () => {
    const { user, table } = await openUsers();
    await user.selectOptions(within(rowOf(table, "admin")).getByRole("combobox"), "viewer");
    await user.click(screen.getByRole("button", { name: "Make Viewer" }));
    const alert = await within(table).findByRole("alert");
    expect(alert).toHaveTextContent("Could not change admin");
    expect(alert).toHaveTextContent(/admin/i);
    expect(within(rowOf(table, "admin")).getByRole("combobox")).toHaveValue("admin");
  });

  it("resets a password; the user signs in with the new one", async () => {
    const { user, table } = await openUsers();
    await user.click(within(table).getByRole("button", { name: "Reset password for viewer" }));
    const dialog = screen.getByRole("dialog", { name: "Reset password for viewer" });
    await user.type(within(dialog).getByLabelText("New password"), "a brand new secret");
    await user.click(within(dialog).getByRole("button", { name: "Set password" }));
    expect(await screen.findByText("Set a new password for viewer.")).toBeInTheDocument();

    const res = await fetch(new URL("/api/auth/login", window.location.origin), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "viewer", password: "a brand new secret" }),
    });
    expect(res.status).toBe(200);
  });
});
