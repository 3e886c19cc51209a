import { defineApp, version as platformVersion } from 'zapier-platform-core';

import packageJson from './package.json';
import authentication from './authentication';
import { addApiHeaders, handleApiResponse } from './lib/http/middleware';
import { creates } from './creates';
import { hydrateTranscriptFile } from './lib/calls';
import { searches } from './searches';
import { triggers } from './triggers';

export default defineApp({
  version: packageJson.version,
  platformVersion,
  authentication,
  beforeRequest: [addApiHeaders],
  afterResponse: [handleApiResponse],
  triggers,
  searches,
  creates,
  hydrators: { transcriptFile: hydrateTranscriptFile },
});
