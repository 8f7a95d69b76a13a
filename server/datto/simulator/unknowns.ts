/**
 * Every choice the simulator makes where Datto's behaviour is not known (API.md marks it [unsure]
 * or says nothing). Each one is named here with what we chose and why; the code uses these
 * constants, so a fact learned from a real tenant is a one-line change in this file.
 */

const MINUTE = 60_000;

// --- HTTP surface ----------------------------------------------------------------------------

/**
 * Unknown: what a known path answers to a method it does not serve (POST /v2/device/{uid}).
 * We answer 405 with Spring's error body, because Datto's errors have Spring Boot's shape and 405 is
 * what Spring answers; the bearer token is checked first, as Spring Security runs before routing.
 */
export const WRONG_METHOD_STATUS = 405;

/**
 * Unknown: what `page` below 0 or not a number does. We serve page 0 rather than a 400, because
 * Spring binds an unreadable optional parameter to its default in many Datto-like APIs; a client
 * must not rely on it either way.
 */
export const INVALID_PAGE_FALLBACK = 0;

/**
 * Unknown: what `max` above 250, at or below 0, or not a number does. We serve pages of
 * `MAX_PAGE_SIZE` (250, what GET /v2/system/pagination announces), because clamping is the
 * gentlest answer and the announced maximum is the only documented number.
 */
export const MAX_PAGE_SIZE = 250;

// --- Rate limits (API.md §3) -------------------------------------------------------------------

/**
 * Unknown: how many 429s lead to the IP block. We block after 10 within a rolling minute, because
 * "continuing after 429s" suggests a handful, and 10 lets a client that backs off on the first 429
 * never meet the block while a client that hammers meets it within seconds.
 */
export const BLOCK_AFTER_429S = 10;

/**
 * Unknown: whether the 403 block spares the token endpoint (POST /auth/oauth/token, outside /api).
 * We chose that it does, because the token endpoint is served outside the /api application and is
 * not counted in request_rate; a client must still never ask for a token in a loop.
 */
export const BLOCK_SPARES_TOKEN_ENDPOINT = true;

/**
 * Unknown: whether a 429 carries Retry-After (undocumented). We send none, because no client or
 * capture shows one; a client must then pause on its own.
 */
export const RETRY_AFTER_SECONDS: number | null = null;

// --- Write operation names in request_rate (API.md §3: one name per family) -------------------

/** Unknown: the operation name of POST /v2/site/{uid}. We chose "site-update", after "site-create". */
export const SITE_UPDATE_OPERATION = "site-update";
/**
 * Unknown: the operation name(s) of the deprecated POST /v2/alert/{uid}/mute and /unmute. We count
 * both as "alert-mute", one name per family like the variable and proxy writes.
 */
export const ALERT_MUTE_OPERATION = "alert-mute";
/** Unknown: the operation name of POST /v2/device/{uid}/warranty. We chose "device-warranty-set", like "device-udf-set". */
export const DEVICE_WARRANTY_OPERATION = "device-warranty-set";
/**
 * Unknown: which endpoint "device-proxy-set" (seen live) counts. The only proxy endpoints are the
 * site's (POST and DELETE /v2/site/{uid}/settings/proxy, which set the proxy its devices use), so
 * both count there.
 */
export const PROXY_OPERATION = "device-proxy-set";

// --- Other writes -----------------------------------------------------------------------------

/**
 * Unknown: what creating a site or account variable whose name exists answers. We answer 409
 * Conflict with Spring's body, the status API.md lists for a conflicting write.
 */
export const DUPLICATE_VARIABLE_STATUS = 409;

/**
 * Unknown: whether POST /v2/user/resetApiKeys ends the tokens already issued. We keep them valid
 * until they expire (only new token requests need the new pair), because tokens are OAuth grants
 * independent of the key once issued; a client must still expect a 401 and ask again.
 */
export const RESET_KEYS_KEEPS_TOKENS = true;

// --- Alerts -----------------------------------------------------------------------------------

/**
 * Unknown: what resolving an already resolved alert answers. We answer 200 with an empty body and
 * change nothing (resolvedBy and resolvedOn stay the first resolver's), because Datto's own UI
 * resolves in bulk without complaint; a client must read the alert to know who resolved it.
 */
export const RESOLVE_RESOLVED_ALERT_STATUS = 200;

/**
 * Unknown: what the deprecated mute and unmute answer since muting went away (Datto RMM 8.9.0). We
 * answer 200 and change nothing, because deprecated endpoints are usually kept as no-ops.
 */
export const MUTE_ANSWERS_STATUS = 200;

/** Unknown: `resolvedBy` of an alert that cleared by itself (auto-resolve, device back online). We chose "System". */
export const AUTO_RESOLVED_BY = "System";

/**
 * Unknown: the order of the alert lists. We list oldest first (by `timestamp`), because paged
 * lists in Datto follow creation order elsewhere (ids grow page by page).
 */
export const ALERT_LIST_ORDER: "oldest-first" | "newest-first" = "oldest-first";

/**
 * Invented: a context class no client knows, standing for the "unknown classes" API.md §6 says
 * exist. About 1 alert in 100 (by seed) carries it, so a console meets it in demo mode.
 */
export const UNKNOWN_ALERT_CLASS = "unknown_future_ctx";
/** Share of alerts with the unknown class, and (separately) with an empty-string key in their context. */
export const ALERT_TRAP_SHARE = 0.01;

// --- Quick jobs (API.md §7) ---------------------------------------------------------------------

/**
 * Unknown: how long Datto keeps a quick job for an offline device before it is Expired. We chose
 * 24 h, because Datto's UI offers quick jobs as "run now" and a day is the shortest expiry its
 * scheduled jobs offer.
 */
export const JOB_EXPIRY_MS = 24 * 60 * MINUTE;

/**
 * Unknown: what a quick job on a printer, ESXi host or network device answers (they run no
 * components). We answer 400 with a message naming the class, because the request is well formed
 * but cannot be carried out.
 */
export const NON_RUNNABLE_CLASS_STATUS = 400;

/**
 * Unknown: what GET .../stdout or .../stderr answers when there is no output (job not finished,
 * nothing printed). We answer 200 with `[]`, because the results say hasStdOut/hasStdErr and a
 * client should ask only when they are true; a 404 would look like a missing job.
 */
export const NO_STD_DATA: readonly never[] = [];

/**
 * Unknown: whether Datto fills in declared variables a quick-job request leaves out. We fill them
 * with the component's default, because the job launcher in Datto's UI does the same.
 */
export const FILL_MISSING_VARIABLES_WITH_DEFAULTS = true;

/**
 * Unknown: what happens to a component with `credentialsRequired` launched through the API. We run
 * it like any other, because Datto uses the site's or account's stored credentials for it.
 */
export const CREDENTIALS_REQUIRED_RUNS = true;

/**
 * Unknown: how ComponentVariable.type is spelled on the wire (the spec types it as a free string)
 * and whether a selection (drop-down) type exists: the spec has no field for a selection's
 * options, so a client could not show them. We send these four, lower case.
 */
export const COMPONENT_VARIABLE_TYPES = ["string", "number", "boolean", "date"] as const;

/** Unknown: the text form a `date` variable's value must take. We accept yyyy-MM-dd (ISO-8601 date). */
export const DATE_VARIABLE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

// --- Activity logs ----------------------------------------------------------------------------

/** Unknown: the default and the largest `size` of GET /v2/activity-logs. We chose 50 and 1,000. */
export const ACTIVITY_DEFAULT_SIZE = 50;
export const ACTIVITY_MAX_SIZE = 1000;

/**
 * Unknown: how much of the activity log's search language Datto supports (its help points at a
 * Lucene-like syntax). We support words, "quoted phrases", `*` wildcards, `field : value` on the
 * fields a log carries, AND / OR / NOT and parentheses-free precedence (AND binds tighter).
 */
export const ACTIVITY_SEARCH_FIELDS = [
  "category",
  "action",
  "entity",
  "hostname",
  "device.hostname",
  "site.name",
  "user.userName",
  "details",
] as const;

/**
 * Unknown: what a searchQuery the search engine cannot read answers. We answer 200 with an empty
 * page and the reason in `error`, because the spec's ActivityLogsPage has an `error` field "when
 * the request fails at the database layer", which is where a query is parsed.
 */
export const ACTIVITY_BAD_QUERY_STATUS = 200;

// --- Dates ------------------------------------------------------------------------------------

/**
 * Unknown: the exact text of Datto's ISO-8601 date-times (fraction of a second, offset form). We
 * send whole seconds in UTC with "Z" ("2026-11-30T14:03:11Z"), the form API.md quotes.
 */
export const ISO_DATE_FRACTION_DIGITS = 0;
