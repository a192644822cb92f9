/** A location inside a document: object keys and array indexes, outermost first. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/**
 * Where a model entity came from, so that a finding about a model field can point at
 * the node a user wrote (a YAML line for the linter, a body attribute for the mock).
 * `base` locates the entity in its document; `fields` maps model field names to paths
 * relative to `base` when the representation spells them differently.
 */
export interface Source {
  readonly base: Path;
  readonly fields?: Readonly<Record<string, Path>>;
}

/**
 * The path of a model field in the document the entity was read from.
 * @example fieldPath({ src: { base: ['clusters', 0], fields: { instanceSize: ['providerSettings', 'instanceSizeName'] } } }, 'instanceSize')
 *   // → ['clusters', 0, 'providerSettings', 'instanceSizeName']
 */
export function fieldPath(entity: { readonly src?: Source | undefined }, field: string): Path {
  const src = entity.src;
  if (!src) return [field];
  return [...src.base, ...(src.fields?.[field] ?? [field])];
}

/** The base path of an entity in its document (empty for a request body). */
export function basePath(entity: { readonly src?: Source | undefined }): Path {
  return entity.src?.base ?? [];
}

/**
 * Renders a path the way people write it.
 * @example formatPath(['clusters', 0, 'providerSettings']) // → 'clusters[0].providerSettings'
 */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
