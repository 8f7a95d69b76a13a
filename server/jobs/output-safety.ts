/**
 * Output from endpoints is untrusted text. It is rendered escaped (React text only); lines that read
 * like instructions to an AI (prompt injection aimed at an agent reading the run) are flagged so a
 * person sees them and agents are told not to follow them.
 */
const PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget)\b.{0,40}\b(previous|prior|above|earlier|all)\b.{0,20}\b(instructions?|prompts?|rules?)\b/i,
  /\byou are (now )?(an? )?(ai|assistant|language model|llm|agent|chatgpt|claude)\b/i,
  /\b(system prompt|developer message|new instructions?)\b/i,
  /^\s*(assistant|system|user)\s*:/i,
  /\b(as an ai|dear (ai|assistant|agent))\b/i,
  /\b(do not|don't) (tell|inform|alert) the (user|human|technician)\b/i,
  /\b(run|execute|launch)\b.{0,30}\b(on all|every) (devices|machines|endpoints)\b/i,
  /\b(resolve|close|mute) (all|every) alerts?\b/i,
];

export function suspiciousLines(text: string | null, max = 20): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (PATTERNS.some((p) => p.test(line))) {
      out.push(line.length > 300 ? `${line.slice(0, 300)}…` : line);
      if (out.length >= max) break;
    }
  }
  return out;
}

export const PREVIEW_CHARS = 300;
export const preview = (text: string | null) =>
  text === null ? null : text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
