import type { ReactNode } from "react";

/** A whole-screen message for when the wall cannot show numbers at all. */
export function WallMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-neutral-950 p-12 text-center text-neutral-100">
      <h1 className="text-6xl font-bold">{title}</h1>
      <div className="max-w-4xl text-2xl text-neutral-300">{children}</div>
    </main>
  );
}

export const AccessRevoked = () => (
  <WallMessage title="Access revoked">
    <p>This wall&apos;s link was revoked or is no longer valid, so it shows no numbers.</p>
    <p className="mt-4">
      Ask an admin for a new wall link (Walls, in the console) and open it here.
    </p>
  </WallMessage>
);

export const NoWallLink = () => (
  <WallMessage title="This screen needs a wall link">
    <p>Open the link an admin created for this wall (Walls, in the console),</p>
    <p>
      or{" "}
      <a className="text-sky-300 underline" href="/login?next=%2Fwall">
        sign in
      </a>{" "}
      to preview the wall.
    </p>
  </WallMessage>
);
