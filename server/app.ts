// Builds the Express app from a context: security headers, logging, access control, the /api routes, the built
// client, and the one error handler. Starting and stopping servers is main.ts's job, so tests can build apps freely.
import express from "express";
import helmet from "helmet";
import compression from "compression";
import { pinoHttp } from "pino-http";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { AppContext } from "./app-context.ts";
import { errorHandler, notFoundHandler, AppError } from "./errors.ts";
import { hostAllowlist, requireToken } from "./http/access.ts";
import { apiRoutes } from "./routes/index.ts";

export const BODY_LIMIT = "256kb";
/**
 * Answers smaller than TCP's initial congestion window (10 segments, ~14 KB) arrive in one flight either way, so
 * gzip saves no round trip there; it only costs a zlib stream per answer (measured ~0.4 ms CPU for 10 KB on the
 * bench machine). Graph payloads, the answers that matter on a slow link, are far above it.
 */
export const COMPRESSION_THRESHOLD = 14 * 1024;

export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", ctx.config.trustProxy);
  app.set("query parser", "simple");
  // API answers come from a live database: a weak ETag (SHA-1 of every body) only saves bytes when a browser
  // revalidates an unchanged answer, and the query runs either way. Static files keep theirs (express.static).
  app.set("etag", false);
  app.use(
    pinoHttp({
      logger: ctx.logger,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === "/api/health" },
      // A terminal user at the default level sees failures, not every request with all its headers.
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "debug",
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(hostAllowlist(ctx.config.allowedHosts));
  app.use(requireToken(ctx.config.accessToken));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:"],
          "worker-src": ["'self'", "blob:"],
          "connect-src": ["'self'"],
        },
      },
    }),
  );
  app.use(compression({ threshold: COMPRESSION_THRESHOLD }));
  app.use("/api", (req, _res, next) => {
    if (
      ["POST", "PUT", "PATCH"].includes(req.method) &&
      req.headers["content-length"] !== "0" &&
      !req.is("application/json")
    ) {
      return next(new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json."));
    }
    next();
  });
  app.use("/api", express.json({ limit: BODY_LIMIT, strict: true }));
  app.use("/api", apiRoutes(ctx));
  app.use("/api", notFoundHandler);
  const dist = ctx.config.clientDist;
  if (existsSync(dist)) {
    app.use(express.static(dist, { index: "index.html", maxAge: "1h" }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(dist, "index.html")));
  } else {
    app.get("/", (_req, res) => {
      res
        .status(503)
        .type("text/plain")
        .send("The client is not built: run `npm run build` (npm start does this for you).");
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
