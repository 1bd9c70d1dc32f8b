// Who may talk to the server. On loopback anyone local may; bound elsewhere, every request needs the token.
// The Host check stops DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host.
import { timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { AppError } from "../errors.ts";

function hostName(header: string | undefined): string {
  if (!header) return "";
  const h = header.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  return h.replace(/:\d+$/, "");
}

/** A cookie that is not valid percent-encoding is not a token (decodeURIComponent would throw: a 500). */
function decodedCookie(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function hostAllowlist(allowed: string[]): RequestHandler {
  const set = new Set(allowed);
  return (req, _res, next) => {
    if (!set.has(hostName(req.headers.host))) return next(new AppError("FORBIDDEN", "Host not allowed."));
    next();
  };
}

/** Accepts `Authorization: Bearer <token>`, or `?token=` once, which then sets an HttpOnly cookie for the page. */
export function requireToken(token: string | null): RequestHandler {
  return (req, res, next) => {
    if (!token) return next();
    const auth = req.headers.authorization ?? "";
    const bearer = auth.startsWith("Bearer ") ? auth.slice(7) : "";
    const cookie = /(?:^|;\s*)kg_token=([^;]+)/.exec(req.headers.cookie ?? "")?.[1] ?? "";
    const query = typeof req.query.token === "string" ? req.query.token : "";
    if (query && sameSecret(query, token)) {
      res.cookie("kg_token", token, { httpOnly: true, sameSite: "strict" });
      return next();
    }
    if ((bearer && sameSecret(bearer, token)) || (cookie && sameSecret(decodedCookie(cookie), token))) return next();
    next(new AppError("UNAUTHORIZED", "A valid access token is required (Authorization: Bearer <token>)."));
  };
}
