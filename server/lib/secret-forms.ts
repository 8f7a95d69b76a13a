/**
 * Every form in which a secret could end up in a log line: as is, JSON-escaped (lines are masked
 * after JSON.stringify), URL-encoded (a form body or query string: the token request sends the key
 * and secret as `username=...&password=...`), and base64/base64url (an Authorization header, or a
 * blob someone decided to log). A secret inside a longer base64 text is encoded differently
 * depending on where it starts modulo 3 bytes, so each of the three alignments contributes the
 * characters that depend on the secret alone.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret, JSON.stringify(secret).slice(1, -1)]);
  forms.add(encodeURIComponent(secret));
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  const bytes = Buffer.from(secret, "utf8");
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString("base64").replace(/=+$/, "");
    // Characters wholly made of the secret's bits: from the first 6-bit group after the offset
    // bytes up to the last group that ends inside the secret.
    const core = encoded.slice(
      Math.ceil((offset * 8) / 6),
      Math.floor(((offset + bytes.length) * 8) / 6),
    );
    if (core.length >= 4) {
      forms.add(core);
      forms.add(core.replace(/\+/g, "-").replace(/\//g, "_"));
    }
  }
  // Masking the longest forms first keeps a short form from breaking a longer one in half.
  return [...forms].sort((a, b) => b.length - a.length);
}
