// Per-client rate limit for the console, the one endpoint that runs user-written queries. Keyed by req.ip, which
// honours X-Forwarded-For only when TRUST_PROXY is set; answers 429 in our error shape with standard headers.
import { rateLimit } from "express-rate-limit";
import type { RequestHandler } from "express";
import type { Config } from "../config.ts";
import { AppError } from "../errors.ts";

export function consoleRateLimit(config: Config): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: config.query.rateLimitPerMinute,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    // Our TRUST_PROXY is the operator's explicit choice; the library's permissive-proxy warning would only be noise.
    validate: { trustProxy: false, xForwardedForHeader: false },
    handler: (_req, _res, next) =>
      next(
        new AppError("RATE_LIMITED", `Too many console queries: at most ${config.query.rateLimitPerMinute} a minute.`),
      ),
  });
}
