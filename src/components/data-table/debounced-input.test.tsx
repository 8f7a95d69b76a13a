import { act, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DebouncedInput, SEARCH_DEBOUNCE_MS } from "./debounced-input";

function Harness(props: { onSend: (v: string) => void; outside?: string }) {
  const [value, setValue] = useState("");
  return (
    <>
      <DebouncedInput
        aria-label="Search"
        value={props.outside ?? value}
        onValueChange={(v) => {
          props.onSend(v);
          setValue(v);
        }}
      />
      <output aria-label="Sent">{value}</output>
    </>
  );
}

describe("DebouncedInput", () => {
  afterEach(() => vi.useRealTimers());

  it("sends the first change at once and quick typing after a pause", () => {
    vi.useFakeTimers();
    const onSend = vi.fn();
    render(<Harness onSend={onSend} />);
    const input = screen.getByLabelText("Search");
    fireEvent.change(input, { target: { value: "a" } });
    expect(onSend).toHaveBeenLastCalledWith("a");
    fireEvent.change(input, { target: { value: "ac" } });
    fireEvent.change(input, { target: { value: "acm" } });
    expect(onSend).toHaveBeenCalledTimes(1);
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    expect(onSend).toHaveBeenCalledTimes(2);
    expect(onSend).toHaveBeenLastCalledWith("acm");
    expect(screen.getByLabelText("Sent")).toHaveTextContent("acm");
  });

  it("follows a value changed from outside", () => {
    const { rerender } = render(<Harness onSend={() => {}} outside="" />);
    rerender(<Harness onSend={() => {}} outside="from a saved view" />);
    expect(screen.getByLabelText("Search")).toHaveValue("from a saved view");
  });
});
