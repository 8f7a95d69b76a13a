import { useEffect, useRef, useState, type ComponentProps, type Ref } from "react";
import { Input } from "@/components/ui/input";

/** Quick typing waits this long before the query changes: a filter per pause, not per keystroke. */
export const SEARCH_DEBOUNCE_MS = 100;

type DebouncedInputProps = Omit<ComponentProps<"input">, "value" | "onChange" | "ref"> & {
  value: string;
  onValueChange: (value: string) => void;
  delayMs?: number;
  inputRef?: Ref<HTMLInputElement>;
};

/**
 * An input that reports its value at once on the first keystroke after a pause (leading edge, so a
 * single change feels instant) and then after each pause in quick typing (trailing edge). When
 * `value` changes from outside (a saved view applied, the back button), the text follows it.
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

  const lastKeyAt = useRef(-Infinity);
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

  const onChange = (next: string) => {
    const now = performance.now();
    const isIdle = now - lastKeyAt.current >= delayMs;
    lastKeyAt.current = now;
    setText(next);
    if (isIdle && next !== value) {
      setSent(next);
      onValueChange(next);
    }
  };

  return (
    <Input {...props} ref={inputRef} value={text} onChange={(e) => onChange(e.target.value)} />
  );
}
