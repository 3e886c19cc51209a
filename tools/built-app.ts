// The app as Zapier loads it: the compiled build in dist/ that the root index.js re-exports.
import { createRequire } from 'node:module';
import path from 'node:path';

/** The app definition from dist/, by its path: tsx would resolve the root `index.js` to the TypeScript source. Build first. */
export const loadBuiltApp = (): object =>
  (createRequire(__filename)(path.resolve(__dirname, '..', 'dist', 'index.js')) as { default: object }).default;
