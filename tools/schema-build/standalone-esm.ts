/**
 * Ajv's standalone output with `code.esm` still loads its runtime helpers with
 * `require(...)` (ajv-formats' formats, ucs2length), which an ES module cannot call. This
 * turns each distinct `require("x")` into a namespace import of the CommonJS module `x.js`
 * and unwraps it the same way under Node, esbuild and vitest, which disagree on what the
 * default import of a CommonJS module with `__esModule` is.
 * @example toEsmImports('const f = require("ajv/dist/runtime/ucs2length").default;')
 *   // → 'import * as __ajvNs0 from "ajv/dist/runtime/ucs2length.js";\n…const __ajvRuntime0 = __ajvCjs(__ajvNs0);\nconst f = __ajvRuntime0.default;'
 */
export function toEsmImports(code: string): string {
  const locals = new Map<string, number>();
  const body = code
    .replace(/^"use strict";/, '')
    .replace(/require\("([^"]+)"\)/g, (_match, specifier: string) => {
      const index = locals.get(specifier) ?? locals.size;
      locals.set(specifier, index);
      return `__ajvRuntime${index}`;
    });
  if (/\brequire\(/.test(body)) throw new Error('Ajv emitted a require() this build cannot rewrite; update toEsmImports.');
  if (locals.size === 0) return body;
  const lines: string[] = [];
  for (const [specifier, index] of locals) {
    const file = /\.[cm]?js$/.test(specifier) ? specifier : `${specifier}.js`;
    lines.push(`import * as __ajvNs${index} from ${JSON.stringify(file)};`);
  }
  // Node and esbuild put module.exports under `default`; vitest hoists an __esModule default.
  lines.push('function __ajvCjs(ns) { const d = ns.default; return d !== null && typeof d === "object" && "__esModule" in d ? d : ns; }');
  for (const index of locals.values()) lines.push(`const __ajvRuntime${index} = __ajvCjs(__ajvNs${index});`);
  return `${lines.join('\n')}\n${body}`;
}
