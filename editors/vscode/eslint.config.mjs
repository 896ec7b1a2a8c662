// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'scripts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      eqeqeq: 'error',
      'no-console': ['error', { allow: ['log', 'error'] }],
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);
