import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../lib/clock";
import { createMemoryLogger } from "../../lib/logger";
import { createDattoApi } from "../api/create-datto-api";
import { createDattoGateway } from "./create-gateway";

/**
 * Real sockets and the real global fetch: a "Datto" that answers with redirects to a second host
 * (the thief). fetch follows redirects by default, resending the body (the key and secret) there.
 */
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(
  handler: (req: IncomingMessage, body: string) => [number, Record<string, string>, string],
) {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const [status, headers, text] = handler(req, body);
      res.writeHead(status, headers).end(text);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function setUp(redirectToken: boolean) {
  const stolen: string[] = [];
  const thief = await listen((req, body) => {
    stolen.push(`${req.method} ${req.url} ${body}`);
    return [
      200,
      { "content-type": "application/json" },
      '{"access_token":"t","expires_in":360000}',
    ];
  });
  const datto = await listen((req) => {
    if (req.url === "/auth/oauth/token") {
      return redirectToken
        ? [307, { location: `${thief}/steal` }, ""]
        : [200, { "content-type": "application/json" }, '{"access_token":"t","expires_in":360000}'];
    }
    return [307, { location: `${thief}/api/v2/device/x` }, ""];
  });
  const logger = createMemoryLogger();
  const gateway = createDattoGateway({
    baseUrl: `${datto}/api`,
    apiKey: "KEY-1234",
    apiSecret: "SECRET-5678",
    fetch,
    clock: systemClock,
    logger,
  });
  return { api: createDattoApi(gateway), stolen };
}

describe("redirects from Datto", () => {
  it("are not followed by the token request, so the key and secret stay put", async () => {
    const { api, stolen } = await setUp(true);
    await expect(api.getDevice("x")).rejects.toMatchObject({ name: "DattoError" });
    expect(stolen).toEqual([]);
  });

  it("are not followed by API calls either", async () => {
    const { api, stolen } = await setUp(false);
    await expect(api.getDevice("x")).rejects.toMatchObject({
      kind: "upstream",
      message: expect.stringContaining("redirect (307)"),
    });
    expect(stolen).toEqual([]);
  });
});
