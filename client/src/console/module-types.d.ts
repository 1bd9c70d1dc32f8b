// Types the compiler cannot find on its own: Vite's CSS imports, and @neo4j-cypher/codemirror, whose package.json
// `exports` hides its own typings from TypeScript (they are exported under a separate subpath).
/// <reference types="vite/client" />
declare module "@neo4j-cypher/codemirror" {
  export * from "@neo4j-cypher/codemirror/src/codemirror.d.ts";
}
