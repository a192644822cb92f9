// What tools/schema-build/build-validators.ts reads. The build cannot import the package
// entry, because the entry imports the validators the build is about to write.
export { SCHEMAS, SCHEMA_NAMES, validatorExportName, type SchemaName } from './catalog';
export { AJV_OPTIONS } from './ajv-options';
export { projectConfigSchemaBundle } from './bundle';
