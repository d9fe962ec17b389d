import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/tmp', '.local', 'tools/jest/*.js', 'jest.preset.js'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // The domain is pure: it may use only other pure libraries.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:lib'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:lib'] },
            // System tests subscribe to order events as an internal service would: through the transport.
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing', 'type:consumer'] },
            // What internal services build on to consume our events (also tagged type:lib).
            { sourceTag: 'type:consumer', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib'] },
            // Starts the apps as processes for system tests and benchmarks; imports no app code.
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib'] },
          ],
          banTransitiveDependencies: false,
        },
      ],
    },
  },
  {
    files: ['libs/order-domain/**/*.ts', 'libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'bullmq', 'ioredis', '@mikro-orm/*', 'fastify', 'pino*'], message: 'The domain and the contracts are pure TypeScript: no framework, queue or ORM.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'nestjs-zod',
              importNames: ['createZodDto'],
              message: "Use createZodDto from '@portal/service-kit': it documents nullable fields correctly (nestjs-zod#473).",
            },
          ],
        },
      ],
    },
  },
  {
    // System tests read JSON answers loosely and assert on them field by field; typing every answer
    // would restate the contracts the assertions check. Production code keeps the rule.
    files: ['apps/system-e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];
