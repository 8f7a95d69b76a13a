import { Link } from "react-router";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useDocumentTitle } from "@/lib/use-document-title";

export function NotFound() {
  useDocumentTitle("Page not found");
  return (
    <EmptyState
      title="Page not found"
      titleAs="h1"
      action={
        <Link to="/" className={buttonClasses("secondary", "sm")}>
          Go to the start page
        </Link>
      }
    >
      Nothing lives at this address. The link may be old, or the item was removed.
    </EmptyState>
  );
}
