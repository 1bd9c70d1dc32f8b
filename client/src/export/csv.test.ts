import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv.ts";

describe("csvField", () => {
  it("quotes every field and doubles the quotes inside", () => {
    expect(csvField('He said "no"')).toBe('"He said ""no"""');
    expect(csvField("a,b\nc")).toBe('"a,b\nc"');
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(csvField(`${start}1`)).toBe(`"'${start}1"`);
  });

  it("leaves numbers alone, even negative ones, and ordinary text", () => {
    expect(csvField(-5)).toBe('"-5"');
    expect(csvField(137)).toBe('"137"');
    expect(csvField("137 dead")).toBe('"137 dead"');
  });

  it("writes empty cells for null and joins lists", () => {
    expect(csvField(null)).toBe('""');
    expect(csvField(["a", "b"])).toBe('"a; b"');
  });
});

describe("toCsv", () => {
  it("writes a header and rows with CRLF line ends", () => {
    expect(toCsv(["id", "quote"], [["x", "=1+1"]])).toBe('"id","quote"\r\n"x","\'=1+1"\r\n');
  });
});
