import type { Options } from 'ajv';

/**
 * The Ajv options the validators are compiled with, shared by the build and by the test
 * that compares the precompiled validators with a runtime compilation.
 * - allErrors: a linter reports every problem of a file, not the first.
 * - strict: a schema typo fails the build instead of silently accepting data.
 * - no discriminator: the schemas select a shape by providerName with if/then (see taggedUnion),
 *   which Ajv and editors both understand; Ajv's discriminator keyword is unknown to editors.
 * - allowUnionTypes: the spec's nullable `adaptiveCapacity` is `["string", "null"]`.
 * - verbose: errors carry their schema, so unknown-attribute messages can suggest a known name.
 * - inlineRefs false: a $ref'd schema compiles to one shared function instead of a copy per
 *   use, which halves the generated code (the config refs both cluster layouts).
 */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  verbose: true,
  inlineRefs: false,
} as const satisfies Options;
