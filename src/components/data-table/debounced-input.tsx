import { useEffect, useRef, useState, type ComponentProps, type Ref } from "react";
import { Input } from "@/components/ui/input";

/** Typing waits this long before the query changes: a filter per pause, not per keystroke. */
export const SEARCH_DEBOUNCE_MS = 120;

type DebouncedInputProps = Omit<ComponentProps<"input">, "value" | "onChange" | "ref"> & {
  value: string;
  onValueChange: (value: string) => void;
  delayMs?: number;
  inputRef?: Ref<HTMLInputElement>;
};

/**
 * An input that reports its value after a pause. When `value` changes from outside (a saved view
 * applied, the back button), the text follows it.
 */
export function DebouncedInput({
  value,
  onValueChange,
  delayMs = SEARCH_DEBOUNCE_MS,
  inputRef,
  ...props
}: DebouncedInputProps) {
  const [text, setText] = useState(value);
  const [outside, setOutside] = useState(value);
  // What this input last reported: an echo of it is not a change "from outside".
  const [sent, setSent] = useState(value);
  if (outside !== value) {
    setOutside(value);
    if (value !== sent) {
      setText(value);
      setSent(value);
    }
  }

  const onChangeRef = useRef(onValueChange);
  useEffect(() => {
    onChangeRef.current = onValueChange;
  });
  useEffect(() => {
    if (text === sent || text === value) return undefined;
    const timer = setTimeout(() => {
      setSent(text);
      onChangeRef.current(text);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, sent, value, delayMs]);

  return <Input {...props} ref={inputRef} value={text} onChange={(e) => setText(e.target.value)} />;
}
