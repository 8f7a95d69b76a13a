import { DEVICE_SEARCH_FIELDS } from "@server/contract/device-search";
import { Popover } from "@/components/ui/popover";
import { buttonClasses } from "@/components/ui/button";

/** How the device search box reads what is typed (server/contract/device-search.ts). */
export function SearchTips() {
  return (
    <Popover
      trigger="?"
      triggerLabel="Search tips"
      triggerClassName={buttonClasses("ghost", "sm")}
      panelLabel="Search tips"
      align="start"
    >
      <p>
        Words must all match. A plain word looks in every field; devices whose hostname matches come
        first. A prefix looks in one field:
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {Object.entries(DEVICE_SEARCH_FIELDS).map(([prefix, field]) => (
          <div key={prefix} className="contents">
            <dt className="font-mono">{prefix}:</dt>
            <dd>{field}</dd>
          </div>
        ))}
        <dt className="font-mono">udf5:</dt>
        <dd>a user-defined field, by number</dd>
      </dl>
      <p className="mt-2">
        Quotes keep spaces: <span className="font-mono">site:"Acme Corp"</span>.
      </p>
    </Popover>
  );
}
