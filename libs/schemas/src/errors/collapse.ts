import type { ErrorObject } from 'ajv';

const ALTERNATIVES = new Set(['oneOf', 'anyOf']);
/** Keywords whose failure in a branch means the branch is not the one the user meant. */
const SHAPE_KEYWORDS = new Set(['type', 'const', 'enum']);

function isInBranchOf(error: ErrorObject, wrapper: ErrorObject): boolean {
  return error !== wrapper && error.schemaPath.startsWith(`${wrapper.schemaPath}/`) && error.instancePath.startsWith(wrapper.instancePath);
}

/** A branch that fails on the shape of the value itself lost before it started. */
function missesShape(branch: ErrorObject[], wrapper: ErrorObject): boolean {
  return branch.some((e) => SHAPE_KEYWORDS.has(e.keyword) && e.instancePath === wrapper.instancePath);
}

function betterBranch(a: ErrorObject[], b: ErrorObject[], wrapper: ErrorObject): ErrorObject[] {
  const aMisses = missesShape(a, wrapper);
  const bMisses = missesShape(b, wrapper);
  if (aMisses !== bMisses) return aMisses ? b : a;
  return b.length < a.length ? b : a;
}

/**
 * Leaves the errors a person should read. A failed oneOf/anyOf keeps only the errors of the
 * branch that came closest (one whose shape matched, with the fewest errors) and drops its
 * own summary; `if` (which only names the failing then/else, whose errors are already
 * there) and `propertyNames` (which wraps the error about the name) go.
 */
export function collapseAjvErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const wrappers = errors.filter((e) => ALTERNATIVES.has(e.keyword)).sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const wrapper of wrappers) {
    if (dropped.has(wrapper)) continue;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (dropped.has(e) || !isInBranchOf(e, wrapper)) continue;
      const index = e.schemaPath.slice(wrapper.schemaPath.length + 1).split('/')[0] ?? '';
      branches.set(index, [...(branches.get(index) ?? []), e]);
    }
    // No branch errors: a oneOf matched several branches; its own error is all there is.
    if (branches.size === 0) continue;
    dropped.add(wrapper);
    const groups = [...branches.values()];
    const best = groups.reduce((a, b) => betterBranch(a, b, wrapper));
    for (const group of groups) if (group !== best) group.forEach((e) => dropped.add(e));
  }
  return errors.filter((e) => !dropped.has(e) && e.keyword !== 'if' && e.keyword !== 'propertyNames');
}
