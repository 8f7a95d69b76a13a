import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Tabs } from "./tabs";

const items = [
  { id: "summary", label: "Summary", panel: <p>Summary panel</p> },
  { id: "software", label: "Software", panel: <p>Software panel</p> },
  { id: "alerts", label: "Alerts", panel: <p>Alerts panel</p> },
];

describe("Tabs", () => {
  it("shows one panel and moves between tabs with the arrow keys, Home and End", async () => {
    const user = userEvent.setup();
    render(<Tabs label="Device sections" items={items} />);
    expect(screen.getByRole("tabpanel", { name: "Summary" })).toHaveTextContent("Summary panel");

    await user.click(screen.getByRole("tab", { name: "Summary" }));
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Software" })).toHaveFocus();
    expect(screen.getByRole("tab", { name: "Software" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "Software" })).toHaveTextContent("Software panel");

    await user.keyboard("{End}");
    expect(screen.getByRole("tabpanel", { name: "Alerts" })).toBeInTheDocument();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Summary" })).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("tab", { name: "Alerts" })).toHaveFocus();
  });

  it("can be controlled by its parent", async () => {
    const user = userEvent.setup();
    const chosen: string[] = [];
    render(
      <Tabs
        label="Sections"
        items={items}
        selectedId="alerts"
        onSelectedChange={(id) => chosen.push(id)}
      />,
    );
    expect(screen.getByRole("tabpanel", { name: "Alerts" })).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Software" }));
    expect(chosen).toEqual(["software"]);
    expect(screen.getByRole("tabpanel", { name: "Alerts" })).toBeInTheDocument();
  });
});
