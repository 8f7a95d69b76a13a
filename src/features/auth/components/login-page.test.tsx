import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "@/testing/msw-server";
import { currentPath, renderApp } from "@/testing/render-app";

describe("login page", () => {
  it("sends a signed-out visitor to /login and back to where they were going after signing in", async () => {
    const { user, router } = await renderApp("/admin/users");
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    expect(currentPath(router)).toBe("/login?next=%2Fadmin%2Fusers");
    expect(document.title).toBe("Sign in · RMM Deck");

    await user.type(screen.getByLabelText("Username"), "admin");
    await user.type(screen.getByLabelText("Password"), "demo");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByRole("heading", { name: "Users", level: 1 })).toBeInTheDocument();
    expect(currentPath(router)).toBe("/admin/users");
    // The tab no longer says "Sign in".
    expect(document.title).toBe("Users · RMM Deck");
  });

  it("lists the demo accounts in demo mode and fills the form with one click", async () => {
    const { user } = await renderApp("/login");
    const demo = await screen.findByRole("region", { name: "Demo accounts" });
    for (const name of ["admin", "approver", "technician", "viewer"]) {
      expect(within(demo).getByRole("button", { name })).toHaveAccessibleDescription(
        /Pick an account to fill the form/,
      );
    }
    await user.click(within(demo).getByRole("button", { name: "technician" }));
    expect(screen.getByLabelText("Username")).toHaveValue("technician");
    expect(screen.getByLabelText("Password")).toHaveValue("demo");
    expect(screen.getByRole("button", { name: "Sign in" })).toHaveFocus();
  });

  it("shows the server's message when the password is wrong", async () => {
    const { user } = await renderApp("/login");
    await user.type(await screen.findByLabelText("Username"), "admin");
    await user.type(screen.getByLabelText("Password"), "not-the-password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not sign in");
    expect(alert).toHaveTextContent("Wrong username or password.");
    expect(screen.queryByRole("navigation", { name: "Main" })).not.toBeInTheDocument();
  });

  it("explains a throttled sign-in in the server's words", async () => {
    server.use(
      http.post("*/api/auth/login", () =>
        HttpResponse.json(
          {
            error: {
              code: "too_many_attempts",
              message: "Too many failed sign-ins. Try again in 5 minutes.",
            },
          },
          { status: 429, headers: { "Retry-After": "300" } },
        ),
      ),
    );
    const { user } = await renderApp("/login");
    await user.type(await screen.findByLabelText("Username"), "admin");
    await user.type(screen.getByLabelText("Password"), "demo");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Too many attempts");
    expect(alert).toHaveTextContent("Too many failed sign-ins. Try again in 5 minutes.");
  });

  it("asks for both fields before sending anything", async () => {
    const { user } = await renderApp("/login");
    await user.click(await screen.findByRole("button", { name: "Sign in" }));
    expect(screen.getByLabelText("Username")).toHaveAccessibleDescription("Enter your username.");
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("Enter your password.");
  });
});
