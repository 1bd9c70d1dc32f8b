// The one error type services throw and the one place that turns errors into HTTP answers.
// Routes never format errors: they pass them on, and errorHandler gives every failure the same shape.
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { ErrorBody } from "../contract/api.ts";

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  WRITE_REFUSED: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  QUERY_ERROR: 400,
  MEMORY_LIMIT: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NEO4J_UNAVAILABLE: 503,
  QUERY_TIMEOUT: 504,
  CONFIG_INVALID: 500,
  NEO4J_START_FAILED: 500,
  IMPORT_INVALID: 400,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

/** Maps a body-parser / framework error (they carry `type` and `status`) to our codes. */
function fromFrameworkError(err: { type?: string; status?: number; message?: string }): AppError | null {
  switch (err.type) {
    case "entity.too.large":
      return new AppError("PAYLOAD_TOO_LARGE", "Request body is too large.");
    case "entity.parse.failed":
      return new AppError("BAD_REQUEST", "Request body is not valid JSON.");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", "Request body encoding is not supported.");
    default:
      if (typeof err.status === "number" && err.status >= 400 && err.status < 500) {
        return new AppError("BAD_REQUEST", "Bad request.");
      }
      return null;
  }
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = err instanceof AppError ? err : fromFrameworkError(err ?? {});
  const appErr = known ?? new AppError("INTERNAL", "Internal error. The server log has the details.");
  if (!known || appErr.status >= 500) req.log?.error({ err }, "request failed");
  if (res.headersSent) return void res.end();
  res.status(appErr.status).json(errorBody(appErr.code, appErr.message, appErr.details));
};

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new AppError("NOT_FOUND", "No such endpoint."));
};
