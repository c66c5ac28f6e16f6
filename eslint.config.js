// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'drizzle', 'coverage', 'dist', '*.json'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // The sandbox page's browser scripts (served as they are, no build step).
    files: ['src/sandbox/web/public/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'fetch',
          'console',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'EventSource',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    // CLIs and benchmarks print their results.
    files: [
      'src/deck/cli.ts',
      'src/cli/register.ts',
      'src/cli/backup.ts',
      'src/app/load-env.ts',
      'src/sandbox/run.ts',
      'bench/**',
      'scripts/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
