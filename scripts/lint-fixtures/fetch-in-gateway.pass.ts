// lint-as: server/datto/gateway/upstream-client.ts
export const call = (deps: { fetch: typeof fetch }, url: string) => deps.fetch(url);
export const direct = (url: string) => fetch(url);
