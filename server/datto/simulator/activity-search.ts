/**
 * The activity log's `searchQuery`, as far as unknowns.ts says we support it: words, "phrases",
 * `*` wildcards, `field : value` (and `data.<key> : value` for the details), NOT, AND (also
 * implied between terms) and OR, AND binding tighter. Matching is case-insensitive and partial.
 */
export type SearchDoc = Record<string, string>;
export type SearchMatcher = (doc: SearchDoc) => boolean;

interface Term {
  field: string | null;
  test: (text: string) => boolean;
  negated: boolean;
}

const TOKEN = /\s*(?:([\w.@-]+)\s*:\s*(?:"([^"]*)"|([^\s"()]+))|"([^"]*)"|([^\s"()]+))/y;

function matcherOf(value: string): (text: string) => boolean {
  const needle = value.toLowerCase();
  if (!needle.includes("*")) return (text) => text.toLowerCase().includes(needle);
  const pattern = needle
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  const regex = new RegExp(pattern, "i");
  return (text) => regex.test(text);
}

function termMatches(term: Term, doc: SearchDoc): boolean {
  const texts = term.field === null ? Object.values(doc) : [doc[term.field] ?? ""];
  const hit = texts.some(term.test);
  return term.negated ? !hit : hit;
}

/** A matcher for the query, or the reason it cannot be read. */
export function compileActivitySearch(query: string): SearchMatcher | { error: string } {
  const groups: Term[][] = [[]];
  let negateNext = false;
  let expectTerm = true;
  TOKEN.lastIndex = 0;
  const rest = query.trim();
  while (TOKEN.lastIndex < rest.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(rest);
    if (!m) return { error: `Cannot parse the search query near "${rest.slice(at, at + 20)}"` };
    const [, field, fieldQuoted, fieldPlain, phrase, word] = m;
    if (word === "AND" || word === "OR" || word === "NOT") {
      if (word === "NOT") negateNext = true;
      else if (expectTerm) return { error: `"${word}" needs a term before it` };
      else if (word === "OR") groups.push([]);
      expectTerm = true;
      continue;
    }
    const value = field !== undefined ? (fieldQuoted ?? fieldPlain ?? "") : (phrase ?? word ?? "");
    groups[groups.length - 1]!.push({
      field: field ?? null,
      test: matcherOf(value),
      negated: negateNext,
    });
    negateNext = false;
    expectTerm = false;
  }
  if (expectTerm && (negateNext || groups.some((g) => g.length > 0)))
    return { error: "The search query ends with an operator" };
  const alternatives = groups.filter((g) => g.length > 0);
  if (alternatives.length === 0) return () => true;
  return (doc) => alternatives.some((group) => group.every((term) => termMatches(term, doc)));
}
