// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Web features do not import each other; app/ composes them (one block per feature). */
const webFeatures = readdirSync(new URL('./apps/web/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const webFeatureBoundaries = webFeatures.map((feature) => ({
  files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: webFeatures
          .filter((other) => other !== feature)
          .map((other) => ({
            group: [`**/${other}`, `**/${other}/**`],
            message: 'Web features do not import each other: compose them in apps/web/src/app.',
          })),
      },
    ],
  },
}));

/** Imports a layer may not make (ENGINEERING.md "Layers", ARCHITECTURE.md "Module boundaries"). */
const noQueriesFromRoutes = {
  group: ['./*.queries', './*.tables', '../*/*.queries', '../*/*.tables'],
  message: 'Routes call services only: routes -> service -> queries.',
};
const noOtherCapabilityQueries = {
  group: ['../*/*.queries'],
  message: "A capability may call another capability's service, never its queries.",
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'packages/codes/src/ai-table.generated.ts',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'error',
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-console': 'off' },
  },
  {
    files: ['apps/server/src/**/*.routes.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noQueriesFromRoutes] }] },
  },
  {
    files: ['apps/server/src/**/*.service.ts', 'apps/server/src/cli/**/*.ts', 'apps/server/src/demo/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noOtherCapabilityQueries] }] },
  },
  {
    files: ['packages/codes/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@verity/*', '**/apps/**', 'node:*'],
              message: 'packages/codes is pure: no I/O, no other packages.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/contract/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/apps/**', 'node:*'], message: 'The contract is shared with the browser: no server code.' },
          ],
        },
      ],
    },
  },
  ...webFeatureBoundaries,
  {
    // The web app takes types from the contract, and values only from its zod-free part:
    // zod in the page weighs ~60 KB and probes for eval, which the CSP refuses.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@verity/contract',
              allowTypeImports: true,
              message: "Import values from '@verity/contract/values' (no zod in the page).",
            },
          ],
        },
      ],
    },
  },
  {
    // Shared components (e.g. the product sheet, shown to officers and previewed by right
    // holders) and lib/ are used by features, never the other way round.
    files: ['apps/web/src/shared/**/*.{ts,tsx}', 'apps/web/src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/features/**', '**/app/**'], message: 'shared/ and lib/ are below features and app.' },
          ],
        },
      ],
    },
  },
  {
    // Command-line programs and benchmarks talk on the console on purpose.
    files: ['apps/server/src/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
);
