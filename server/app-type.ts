// The SPA's only window into the server's types: hc<AppType> infers every route's input and output.
export type { AppType } from "./app";
