import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { controlClasses, widthClass } from "./input";

export type SelectOption = { value: string; label: string };

export type SelectProps = Omit<ComponentProps<"select">, "children"> & {
  options: readonly SelectOption[];
};

export function Select({ options, className, ...props }: SelectProps) {
  return (
    <select
      className={cn(controlClasses, widthClass(className), "h-10 pr-8", className)}
      {...props}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
