import type { ReactNode } from "react";
import { Link } from "react-router";
import { EmptyState } from "./empty-state";

/** A page whose item does not exist (or whose address names none): what to do, no "Try again". */
export function NotFoundState(props: {
  title: string;
  backTo: string;
  backLabel: string;
  children: ReactNode;
}) {
  return (
    <EmptyState
      title={props.title}
      titleAs="h1"
      action={
        <Link to={props.backTo} className="text-indigo-700 underline dark:text-indigo-300">
          {props.backLabel}
        </Link>
      }
    >
      {props.children}
    </EmptyState>
  );
}
