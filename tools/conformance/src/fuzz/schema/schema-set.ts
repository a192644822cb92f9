// A set of JSON Schema documents that $ref one another, with every node addressable by
// (document id, JSON pointer). Ajv compiles any node on demand: the generators use it to decide
// which `if` branch a value takes and to keep only values the node accepts where generation from
// the keywords alone is approximate (conditionals, oneOf, not, contains).
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonSchema } from '@mock-atlas/schemas';

/** A schema node and where it sits: `$ref`s inside it resolve against `base`. */
export interface Located {
  readonly schema: JsonSchema | boolean;
  /** The `$id` of the document that holds the node. */
  readonly base: string;
  /** JSON pointer of the node inside that document (`''` for the document itself). */
  readonly pointer: string;
}

/** The schema that accepts everything, at no particular place. */
export const ANYTHING: Located = { schema: true, base: '', pointer: '' };

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeToken(token: string): string {
  return decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
}

let anonymous = 0;

/**
 * Schema documents by `$id`. A document without one gets a `urn:fuzz-schema:N` id, so that inline
 * schemas (in tests) work like the library's.
 * @example const set = new SchemaSet(Object.values(SCHEMAS)); set.root(SCHEMAS['cluster.legacy'].$id)
 */
export class SchemaSet {
  private readonly documents = new Map<string, JsonSchema>();
  private readonly ajv = new Ajv({ strict: false, allowUnionTypes: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(documents: readonly JsonSchema[]) {
    addFormats(this.ajv);
    for (const document of documents) this.add(document);
  }

  /** Adds a document and returns its root node. */
  add(document: JsonSchema): Located {
    const withId = document.$id ? document : { ...document, $id: `urn:fuzz-schema:${++anonymous}` };
    const id = withId.$id!;
    if (!this.documents.has(id)) {
      this.documents.set(id, withId);
      this.ajv.addSchema(withId as object);
    }
    return { schema: this.documents.get(id)!, base: id, pointer: '' };
  }

  /** The root node of a document of the set. */
  root(id: string): Located {
    const document = this.documents.get(id);
    if (!document) throw new Error(`no schema document ${id} in the set`);
    return { schema: document, base: id, pointer: '' };
  }

  /** A node below `at`, by the keywords and names that lead to it (`'properties', 'name'`). */
  child(at: Located, ...path: readonly (string | number)[]): Located {
    let schema: unknown = at.schema;
    for (const token of path) schema = (schema as Record<string | number, unknown> | undefined)?.[token];
    if (schema === undefined) throw new Error(`no schema at ${at.base}#${at.pointer}/${path.join('/')}`);
    return { schema: schema as JsonSchema | boolean, base: at.base, pointer: `${at.pointer}/${path.map((t) => escapeToken(String(t))).join('/')}` };
  }

  /** Follows `$ref` until a node without one (a `$ref` node's siblings are ignored, as draft-07 says). */
  resolve(at: Located): Located {
    let current = at;
    for (let hops = 0; typeof current.schema === 'object' && current.schema.$ref !== undefined; hops++) {
      if (hops > 32) throw new Error(`$ref cycle at ${at.base}#${at.pointer}`);
      current = this.target(current.base, current.schema.$ref);
    }
    return current;
  }

  private target(base: string, ref: string): Located {
    const hash = ref.indexOf('#');
    const documentPart = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    const id = documentPart === '' ? base : new URL(documentPart, base.startsWith('urn:') ? undefined : base).href;
    const root = this.root(id);
    if (fragment === '') return root;
    if (!fragment.startsWith('/')) throw new Error(`only JSON-pointer fragments are supported, not ${ref}`);
    return this.child(root, ...fragment.slice(1).split('/').map(unescapeToken));
  }

  /** Whether the node accepts `value`, exactly as Ajv judges it. */
  accepts(at: Located, value: unknown): boolean {
    if (at.schema === true) return true;
    if (at.schema === false) return false;
    const key = `${at.base}#${at.pointer}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.getSchema(key);
      if (!validate) throw new Error(`Ajv cannot compile ${key}`);
      this.validators.set(key, validate);
    }
    return validate(value) === true;
  }
}
