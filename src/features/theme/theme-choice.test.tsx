import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render-app";
import { setThemeChoice, startTheme, THEME_STORAGE_KEY } from "./theme-store";

afterEach(() => {
  setThemeChoice("system");
  window.localStorage.clear();
});

async function chooseTheme(label: string) {
  const { user } = await renderApp("/admin/users", { signedInAs: "viewer" });
  await user.click(await screen.findByRole("button", { name: "Account: viewer" }));
  await user.click(screen.getByRole("menuitemradio", { name: label }));
  return user;
}

describe("theme choice", () => {
  it("follows the system by default (light here: jsdom reports no dark preference)", () => {
    startTheme();
    expect(document.documentElement).not.toHaveClass("dark");
  });

  it("switches to dark from the user menu and remembers it for the next visit", async () => {
    const user = await chooseTheme("Dark");
    expect(document.documentElement).toHaveClass("dark");
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe("dark");

    await user.click(screen.getByRole("button", { name: "Account: viewer" }));
    expect(screen.getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute(
      "aria-checked",
      "true",
    );

    // A later page load starts from what was stored.
    document.documentElement.classList.remove("dark");
    startTheme();
    expect(document.documentElement).toHaveClass("dark");
  });

  it("goes back to light and to following the system", async () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, "dark");
    startTheme();
    await chooseTheme("Light");
    expect(document.documentElement).not.toHaveClass("dark");
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe("light");
    setThemeChoice("system");
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });
});
