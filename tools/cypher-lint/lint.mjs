#!/usr/bin/env node
// Offline Neo4j 5 Cypher syntax checker.
//
// Usage:  echo '{"queries": {"name": "MATCH (n) RETURN n"}}' | node lint.mjs
// Output: {"name": [{"message": "...", "severity": "error", "line": 1, "column": 9}], ...}
//         (every input name is present; an empty list means no diagnostics)
//
// Runs fully offline: @neo4j-cypher/language-support bundles the ANTLR Cypher
// grammar and Neo4j's semantic analysis compiled to JavaScript; no database
// connection is made.
//
// API used (package @neo4j-cypher/language-support@2.0.0-next.38,
// src/syntaxValidation/syntaxValidation.ts):
//
//   lintCypherQuery(query: string, dbSchema: DbSchema,
//                   options: { consoleCommandsEnabled?: boolean } = {})
//     -> { diagnostics: SyntaxDiagnostic[]; symbolTables: SymbolTable[] }
//
// Which diagnostics count as errors (severity "error"):
//   * syntax errors from the parser (e.g. `MATCH (n RETURN n`);
//   * semantic errors from Neo4j's semantic analysis (e.g. an undefined
//     variable, `Query cannot conclude with MATCH`), which a Neo4j 5 server
//     would reject too.
// What does NOT count / is never produced:
//   * unknown labels, relationship types and property keys: the schema has no
//     `labels`/`relationshipTypes`/`propertyKeys`, and the library only checks
//     them when they are provided;
//   * unknown procedures and functions (e.g. db.index.fulltext.queryNodes):
//     the schema has no `procedures`/`functions`, so the library skips that
//     check (it only runs when a registry is provided);
//   * undeclared parameters ($id): the library reports every $param missing
//     from dbSchema.parameters as an error, so every parameter found in the
//     query (parseParameters) is declared; isNotParamError is also applied as
//     a safety net.
// Warnings/information/hints (e.g. deprecations) are passed through with their
// own severity; callers should fail only on severity "error".
//
// The dialect is pinned to CYPHER 5 (dbSchema.defaultLanguage) to match Neo4j 5;
// a query's own `CYPHER 25` prefix would override it.
//
// Severity mapping (LSP DiagnosticSeverity -> string):
//   1 -> "error", 2 -> "warning", 3 -> "information", 4 -> "hint".
// line and column are 1-based (the library's ranges are 0-based).
//
// Exit codes: 0 = ran (regardless of diagnostics), 2 = bad input.

import {
  lintCypherQuery,
  parseParameters,
  isNotParamError,
} from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const CYPHER_VERSION = 'CYPHER 5';

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function fail(message) {
  process.stderr.write(`cypher-lint: ${message}\n`);
  process.exit(2);
}

export function lintOne(query) {
  const parameters = {};
  for (const name of parseParameters(query, false)) {
    parameters[name] = null; // declared; the value is never inspected by the linter
  }
  const dbSchema = { defaultLanguage: CYPHER_VERSION, parameters };
  const { diagnostics } = lintCypherQuery(query, dbSchema, {
    consoleCommandsEnabled: false,
  });
  return diagnostics.filter(isNotParamError).map((d) => ({
    message: d.message,
    severity: SEVERITY[d.severity] ?? 'error',
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
  }));
}

async function main() {
  let input;
  try {
    input = JSON.parse(await readStdin());
  } catch (e) {
    fail(`stdin is not valid JSON: ${e.message}`);
  }
  const queries = input?.queries;
  if (queries === null || typeof queries !== 'object' || Array.isArray(queries)) {
    fail('expected {"queries": {"name": "cypher text", ...}} on stdin');
  }
  const out = {};
  for (const [name, query] of Object.entries(queries)) {
    if (typeof query !== 'string') fail(`query ${JSON.stringify(name)} is not a string`);
    out[name] = lintOne(query);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main();
