// Zapier's CommonJS wrapper loads index.js at the package root; the app itself is compiled TypeScript.
module.exports = require('./dist/index.js').default;
