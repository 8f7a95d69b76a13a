import { useCallback, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { Component } from "@server/contract/components";
import type { JobPreview, JobRequest } from "@server/contract/jobs";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { InlineAlert } from "@/components/ui/inline-alert";
import { errorMessage } from "@/lib/api-client";
import { endpointText } from "@/lib/endpoint-text";
import { formatDuration } from "@/lib/format";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useLaunchJob, usePreviewJob } from "../api/mutations";
import { ComponentPicker } from "./component-picker";
import { useLauncherMemory } from "./launcher-memory";
import {
  defaultValues,
  variableErrors,
  VariablesForm,
  type VariableValues,
} from "./variables-form";

/** Where the launcher's targets come from: `?device=<uid>` (repeatable) or a device selection. */
function useTargets(): Pick<JobRequest, "deviceUids" | "target"> | null {
  const [params] = useSearchParams();
  const devices = params.getAll("device").filter(Boolean);
  const query = params.get("target");
  const count = Number(params.get("count"));
  if (devices.length > 0) return { deviceUids: devices };
  if (query !== null && Number.isInteger(count) && count > 0) return { target: { query, count } };
  return null;
}

function newKey() {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The same request keeps its key (a double-click, a retry after a lost answer): one run. */
function useIdempotencyKey(signature: string) {
  const keys = useRef(new Map<string, string>());
  let key = keys.current.get(signature);
  if (!key) {
    key = newKey();
    keys.current.set(signature, key);
  }
  return key;
}

function PreviewPanel(props: {
  preview: JobPreview;
  confirm: string;
  onConfirm: (v: string) => void;
}) {
  const { preview } = props;
  const n = preview.targets.length;
  return (
    <div className="space-y-3">
      <p className="text-sm">
        Job name in Datto: <span className="font-mono">{preview.jobName}</span>
      </p>
      {preview.credentialsRequired && (
        <InlineAlert tone="info">
          This component runs with the credentials stored in Datto.
        </InlineAlert>
      )}
      {preview.offline > 0 && (
        <InlineAlert tone="warning" title={`${preview.offline} of ${n} devices are offline`}>
          Datto queues the job for them: it runs when each device comes back online (or expires).
        </InlineAlert>
      )}
      {n > 20 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Sending {n} jobs inside Datto&apos;s write limit takes about{" "}
          {formatDuration(preview.estimatedDispatchMs)}.
        </p>
      )}
      <div className="max-h-72 overflow-y-auto rounded-md border border-slate-200 dark:border-slate-700">
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-slate-50 dark:bg-slate-800">
            <tr>
              <th className="px-3 py-1.5 text-left">Device</th>
              <th className="px-3 py-1.5 text-left">Site</th>
              <th className="px-3 py-1.5 text-left">State</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
            {preview.targets.map((t) => (
              <tr key={t.deviceUid}>
                <td className="px-3 py-1.5 break-all">{endpointText(t.hostname)}</td>
                <td className="px-3 py-1.5">{endpointText(t.siteName)}</td>
                <td className="px-3 py-1.5">
                  {t.online ? (
                    <Badge tone="success">Online</Badge>
                  ) : (
                    <Badge tone="warning">Offline: queued until it returns</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.confirmCountRequired && (
        <label className="block text-sm">
          <span className="font-medium">
            Type {n} to run this on {n} devices
          </span>
          <Input
            className="mt-1 w-32"
            inputMode="numeric"
            aria-label="Number of devices to confirm"
            value={props.confirm}
            onChange={(e) => props.onConfirm(e.target.value)}
          />
        </label>
      )}
    </div>
  );
}

/** Run a component on devices: pick it, fill its variables, preview the targets, launch. */
export function JobLauncherPage() {
  useDocumentTitle("Run a component", "Jobs");
  const navigate = useNavigate();
  const targets = useTargets();
  const [params] = useSearchParams();
  const [component, setComponent] = useState<Component | null>(null);
  const [values, setValues] = useState<VariableValues>({});
  const [confirm, setConfirm] = useState("");
  const [showErrors, setShowErrors] = useState(false);
  const preview = usePreviewJob();
  const launch = useLaunchJob();
  const memory = useLauncherMemory();
  // The entry's remembered values apply to the first pick only (the one Back or a reload makes).
  const restored = useRef(memory.saved);

  const variables = component
    ? Object.fromEntries(
        component.variables.flatMap((v) => {
          const value = values[v.name];
          if (value === undefined || (typeof value === "string" && value.trim() === "")) return [];
          return [[v.name, value]];
        }),
      )
    : {};
  const request: JobRequest | null =
    component && targets ? { component: component.uid, ...targets, variables } : null;
  const signature = JSON.stringify(request);
  const idempotencyKey = useIdempotencyKey(signature);
  const errors = component ? variableErrors(component, values) : {};
  const previewed =
    preview.data && preview.variables && JSON.stringify(preview.variables) === signature;

  const { reset: resetPreview } = preview;
  const { reset: resetLaunch } = launch;
  const { remember } = memory;
  const pick = useCallback(
    (c: Component) => {
      const saved = restored.current;
      restored.current = null;
      const start = saved?.component === c.uid ? saved.values : defaultValues(c);
      setComponent(c);
      setValues(start);
      remember(c.uid, start);
      setShowErrors(false);
      resetPreview();
      resetLaunch();
    },
    [resetPreview, resetLaunch, remember],
  );

  if (!targets) {
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-semibold">Run a component</h1>
        <InlineAlert tone="info" title="Choose the devices first">
          Open a device and use &ldquo;Run a component&rdquo;, or select devices in the{" "}
          <Link to="/devices" className="underline">
            device browser
          </Link>{" "}
          and run a component on the selection.
        </InlineAlert>
      </div>
    );
  }
  const count = targets.deviceUids?.length ?? targets.target?.count ?? 0;
  const confirmOk =
    !preview.data?.confirmCountRequired || confirm.trim() === String(preview.data.targets.length);

  return (
    <div className="space-y-4">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link to="/jobs" className="text-indigo-700 hover:underline dark:text-indigo-300">
            Jobs
          </Link>
        </nav>
        <h1 className="text-xl font-semibold">
          Run a component on {count} {count === 1 ? "device" : "devices"}
        </h1>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card className="p-4">
          <h2 className="mb-2 font-semibold">1. Component</h2>
          <ComponentPicker
            selectedUid={component?.uid ?? null}
            onPick={pick}
            initial={params.get("component")}
          />
        </Card>
        <div className="space-y-4">
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">2. Variables</h2>
            {component ? (
              <>
                <p className="mb-3 text-sm">
                  <span className="font-medium">{component.name}</span>
                  {component.description && (
                    <span className="text-slate-600 dark:text-slate-400">
                      {" "}
                      — {component.description}
                    </span>
                  )}
                </p>
                <VariablesForm
                  component={component}
                  values={values}
                  errors={showErrors ? errors : {}}
                  onChange={(v) => {
                    setValues(v);
                    remember(component.uid, v);
                    preview.reset();
                  }}
                />
              </>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">Pick a component first.</p>
            )}
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">3. Preview and run</h2>
            {preview.isError && (
              <InlineAlert className="mb-3">{errorMessage(preview.error)}</InlineAlert>
            )}
            {launch.isError && (
              <InlineAlert className="mb-3">{errorMessage(launch.error)}</InlineAlert>
            )}
            {previewed && preview.data && (
              <PreviewPanel preview={preview.data} confirm={confirm} onConfirm={setConfirm} />
            )}
            <div className="mt-3 flex gap-2">
              <Button
                disabled={!request || preview.isPending}
                onClick={() => {
                  setShowErrors(true);
                  if (!request || Object.keys(errors).length > 0) return;
                  setConfirm("");
                  preview.mutate(request);
                }}
              >
                {preview.isPending ? "Checking…" : "Preview"}
              </Button>
              <Button
                variant="primary"
                disabled={!previewed || !confirmOk || launch.isPending || launch.isSuccess}
                onClick={() => {
                  if (!request || !preview.data) return;
                  launch.mutate(
                    {
                      ...request,
                      idempotencyKey,
                      ...(preview.data.confirmCountRequired
                        ? { confirmCount: Number(confirm.trim()) }
                        : {}),
                    },
                    { onSuccess: ({ id }) => void navigate(`/jobs/${id}`) },
                  );
                }}
              >
                {launch.isPending
                  ? "Launching…"
                  : `Run on ${preview.data?.targets.length ?? count} ${(preview.data?.targets.length ?? count) === 1 ? "device" : "devices"}`}
              </Button>
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}
