// An app that defines nothing: what any zapier-platform-core 19.1.0 app costs.
const { version } = require('zapier-platform-core');

module.exports = { version: '1.0.0', platformVersion: version };
