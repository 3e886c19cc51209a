import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'build/', 'coverage/', 'node_modules/', 'zapierwrapper.js'] },
  // `npm run types` rewrites this file from the contract and nobody edits it: a lint finding there could not be acted on.
  { ignores: ['lib/http/nevermiss-api.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'tools/*.mjs', 'tools/bench/*.cjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // The API helpers name the record type the caller expects (`fetchList<Lead>`): a typed boundary, not a cast in disguise.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // `const { transcript, ...call } = detail` is how a field is left out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The tooling stays in small pieces: no function over 60 lines.
    files: ['tools/**/*.ts', 'tools/**/*.mjs', 'tools/**/*.cjs'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  prettier,
);
