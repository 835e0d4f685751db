import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers that must not touch the vscode API: they run in Node tests, the webview, or both. */
const VSCODE_FREE = ['src/api/**', 'src/shared/**', 'src/webview/**', 'src/analysis/**', 'src/sessionAnalysis/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-output/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'API data is text: use textContent or DOM APIs.' },
        { property: 'outerHTML', message: 'API data is text: use textContent or DOM APIs.' },
      ],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='insertAdjacentHTML']", message: 'API data is text.' }],
    },
  },
  {
    // Typed rules: the type information comes from the tsconfig projects (tsconfig.json references them).
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A switch over a union names every member (or has a default), so a new member is not silently ignored.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', exports: 'writable', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: VSCODE_FREE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Keep this layer free of the vscode API: it is pure, or runs where vscode does not exist.' }],
        },
      ],
    },
  },
);
