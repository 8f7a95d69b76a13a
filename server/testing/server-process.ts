import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export type ServerProcess = {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves with the URL once the server says where it listens; rejects if it exits first. */
  listening(): Promise<string>;
  kill(signal?: NodeJS.Signals): void;
};

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs the real entry (`tsx server/main.ts`) with only the environment given (plus PATH). */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    async listening() {
      for (;;) {
        const url = /RMM Deck (?:\(demo tenant\) )?at (\S+)/.exec(stdout)?.[1];
        if (url) return url;
        const code = await Promise.race([
          exited,
          new Promise<"waiting">((resolve) => setTimeout(() => resolve("waiting"), 50)),
        ]);
        if (code !== "waiting") throw new Error(`exited with ${code}: ${stderr}`);
      }
    },
    kill(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

/** DATABASE_URL with the search_path set to `schema`, so a test run keeps to a schema of its own. */
export function withSchema(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}
