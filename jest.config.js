/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Two workers. Suites named *.solo.ts each run in a jest process of their own (`npm run test:solo`):
  // core's memory check stops a process that has run 250 operations while holding 450 MB, and the
  // fault suite runs ~600 operations, the hostile suite ~450, the scale suite parses 100,000-record lists.
  maxWorkers: 2,
  // tsconfig's isolatedModules makes ts-jest transpile file by file: `npm run typecheck` checks types.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // .ts first, so `../index` is the TypeScript source and not the root shim that loads dist/.
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/build/'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  collectCoverageFrom: [
    'index.ts',
    'authentication.ts',
    'lib/**/*.ts',
    '!lib/models.ts', // types only
    '!lib/http/nevermiss-api.generated.ts', // types only, generated from the contract
    'triggers/**/*.ts',
    'searches/**/*.ts',
    'creates/**/*.ts',
  ],
  coverageReporters: ['text-summary', 'text', 'lcov'],
  coverageThreshold: { global: { lines: 100, branches: 100, functions: 100, statements: 100 } },
};
