export type PromptInput = NodeJS.ReadableStream & {
  isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
};

export class PromptUnavailableError extends Error {
  override name = "PromptUnavailableError";
}

/** Reads one line from a terminal without echoing it. Ctrl-C cancels. */
export function promptHidden(
  question: string,
  stdin: PromptInput,
  stdout: { write(text: string): unknown },
): Promise<string> {
  const { setRawMode } = stdin;
  if (!stdin.isTTY || typeof setRawMode !== "function") {
    return Promise.reject(
      new PromptUnavailableError(
        "No terminal to ask for the password on. Set RMM_DECK_PASSWORD in the environment instead.",
      ),
    );
  }
  stdout.write(question);
  setRawMode.call(stdin, true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      stdin.off("data", onData);
      setRawMode.call(stdin, false);
      stdin.pause();
      stdout.write("\n");
    };
    const onData = (chunk: string | Buffer) => {
      const text = chunk.toString();
      for (let i = 0; i < text.length; i++) {
        const ch = text[i]!;
        if (ch === "\r" || ch === "\n") {
          finish();
          // A paste may carry the next answer too: hand the rest back for the next prompt.
          const rest = text.slice(ch === "\r" && text[i + 1] === "\n" ? i + 2 : i + 1);
          if (rest) stdin.unshift(rest);
          return resolve(value);
        }
        if (ch === "\u0003") {
          finish();
          return reject(new PromptUnavailableError("Cancelled."));
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}
