/**
 * Posts one message to an incoming webhook: `{"text": ...}` is what Slack's and Teams' incoming
 * webhooks both read. Sent once (a lost notification is not worth a duplicate), with a deadline.
 */
export async function postToWebhook(
  url: string,
  text: string,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  const res = await fetchImpl(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
    redirect: "error",
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`the webhook answered ${res.status}`);
}
