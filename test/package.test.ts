// package.json as npm and Zapier read it.
import packageJson from '../package.json';

it('asks npm for no Node engine: a fresh clone installs on the machine’s Node without an EBADENGINE warning', () => {
  // The scripts run on the pinned `node` devDependency (Node 22, which npm puts first on their PATH), so the
  // project needs no engine of the machine's own; `engines` would make `npm install` on Node 20 warn.
  expect(packageJson).not.toHaveProperty('engines');
  expect(packageJson).not.toHaveProperty('devEngines');
  expect(packageJson.devDependencies.node).toMatch(/^22\.\d+\.\d+$/);
});
