// Jest with native ES modules: run it as
//   node --experimental-vm-modules node_modules/jest/bin/jest.js --config examples/recipes/jest/jest.config.mjs
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  // Plain JavaScript ES modules: nothing to transform.
  transform: {},
  testMatch: ['**/*.test.mjs'],
};
