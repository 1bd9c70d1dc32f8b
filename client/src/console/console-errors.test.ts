import { describe, expect, it } from "vitest";
import { describeConsoleError, positionFrom, READ_ONLY_HINT } from "./console-errors.ts";

describe("describeConsoleError", () => {
  it("explains a refused write as the console's read-only policy", () => {
    const p = describeConsoleError({
      code: "WRITE_REFUSED",
      message: "The console is read-only: this query writes.",
      status: 403,
    });
    expect(p.title).toBe("Read-only console");
    expect(p.hint).toBe(READ_ONLY_HINT);
  });
  it("carries the position of a syntax error from the server's details", () => {
    const p = describeConsoleError({
      code: "QUERY_ERROR",
      message: "Invalid input 'RETURN'",
      status: 400,
      details: { neo4jCode: "Neo.ClientError.Statement.SyntaxError", position: { line: 1, column: 10, offset: 9 } },
    });
    expect(p).toMatchObject({ title: "Syntax error", position: { line: 1, column: 10, offset: 9 } });
  });
  it("calls a query error without a position a query error", () => {
    expect(describeConsoleError({ code: "QUERY_ERROR", message: "Unknown function", status: 400 }).title).toBe(
      "Query error",
    );
  });
  it("says what to do after a timeout", () => {
    expect(describeConsoleError({ code: "QUERY_TIMEOUT", message: "x", status: 504 }).hint).toMatch(/LIMIT/);
  });
});

describe("positionFrom", () => {
  it("ignores details without a complete position", () => {
    expect(positionFrom(undefined)).toBeUndefined();
    expect(positionFrom({ position: { line: 1 } })).toBeUndefined();
  });
});
