// lint-as: src/components/ui/button.tsx
import { cn } from "@/lib/cn";
import { Spinner } from "./spinner";

export const parts = { cn, Spinner };
