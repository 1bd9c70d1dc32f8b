// Parses request parts with a zod schema; a failure is a 400 that says which field is wrong and why.
import type { z } from "zod";
import { AppError } from "../errors.ts";

export function parseInput<T extends z.ZodType>(schema: T, input: unknown, where: string): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const first = issues[0];
  throw new AppError("BAD_REQUEST", `Invalid ${where}: ${first.path ? `${first.path}: ` : ""}${first.message}`, {
    issues,
  });
}
