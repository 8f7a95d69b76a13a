/** Hono context variables set by middleware and read by routes. */
export type AppEnv = {
  Variables: {
    requestId: string;
  };
};
