import type { ReactNode } from "react";
import { endpointText } from "@/lib/endpoint-text";

export type Fact = { label: string; value: ReactNode };

/** A dash for nothing; text (audit values come from the endpoint) as endpoint text. */
const blank = (value: ReactNode) => {
  if (value === null || value === undefined || value === "") {
    return <span className="text-slate-500">—</span>;
  }
  return typeof value === "string" ? endpointText(value) : value;
};

/** Label/value pairs as a definition list. */
export function Facts(props: { items: readonly Fact[]; columns?: 2 | 3 | 4 }) {
  const cols = { 2: "sm:grid-cols-2", 3: "sm:grid-cols-3", 4: "sm:grid-cols-2 lg:grid-cols-4" }[
    props.columns ?? 3
  ];
  return (
    <dl className={`grid grid-cols-1 gap-x-6 gap-y-3 ${cols}`}>
      {props.items.map((item) => (
        <div key={item.label} className="min-w-0">
          <dt className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
            {item.label}
          </dt>
          <dd className="break-words text-sm">{blank(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A simple real table for short audit lists (modules, NICs, guests). */
export function SimpleTable(props: {
  caption: string;
  headers: readonly string[];
  rows: ReadonlyArray<readonly ReactNode[]>;
  empty: string;
}) {
  if (props.rows.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-400">{props.empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <tr>
            {props.headers.map((h) => (
              <th key={h} scope="col" className="px-2 py-1 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={i} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              {row.map((cell, j) => (
                <td key={j} className="break-words px-2 py-1 align-top">
                  {blank(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
