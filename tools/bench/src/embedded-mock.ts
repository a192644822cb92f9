/* eslint-disable @nx/enforce-module-boundaries -- The in-process figures run the mock-atlas app's
   own startServer(), which eslint.config.mjs allows (type:tool may depend on type:app) but the
   rule's built-in "Imports of apps are forbidden" check does not know; this file is the one place
   the bench reaches into the app (as libs/testing/src/embedded-app.ts does for the harness). */
// The piece of the mock-atlas app the bench starts in-process.
export { startServer } from 'mock-atlas/src/server/start';
