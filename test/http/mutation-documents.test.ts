import { print, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { MutationDocuments } from "../../src/http/idempotency/mutation-documents.js";

const ADD = `mutation Add($to: String!) { addParticipant(input: { to: $to })   { sid } }`;
const TWO = `query Read { gatewayInfo { version } } mutation Write { removeParticipant { sid } }`;

describe("MutationDocuments", () => {
  it("prints a mutation, and answers the same when asked again", () => {
    const documents = new MutationDocuments();
    const printed = print(parse(ADD));
    expect(documents.printed(ADD, null)).toBe(printed);
    expect(documents.printed(ADD, null)).toBe(printed);
    expect(documents.printed(ADD, "Add")).toBe(printed);
  });

  it("tells the operations of one document apart by name", () => {
    const documents = new MutationDocuments();
    expect(documents.printed(TWO, "Read")).toBeUndefined();
    expect(documents.printed(TWO, "Write")).toBe(print(parse(TWO)));
    expect(documents.printed(TWO, "Read")).toBeUndefined();
    // Two operations and no name: no operation, so nothing a key protects.
    expect(documents.printed(TWO, null)).toBeUndefined();
    expect(documents.printed(TWO, "Missing")).toBeUndefined();
  });

  it("answers undefined for a document that does not parse, every time", () => {
    const documents = new MutationDocuments();
    expect(documents.printed("mutation {", null)).toBeUndefined();
    expect(documents.printed("mutation {", null)).toBeUndefined();
  });

  it("stays right past its bound and for documents too long to remember", () => {
    const documents = new MutationDocuments();
    const many = Array.from({ length: 300 }, (_, i) => `mutation M${i} { a${i} }`);
    for (const document of many) documents.printed(document, null);
    for (const document of many)
      expect(documents.printed(document, null)).toBe(print(parse(document)));
    const long = `mutation { ${"a ".repeat(10_000)}}`;
    expect(documents.printed(long, null)).toBe(print(parse(long)));
    expect(documents.printed(long, null)).toBe(print(parse(long)));
  });
});
