// The console server's tests (Node); the pages are tested in a browser by apps/system-e2e.
export default {
  displayName: 'console',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/server/**/*.spec.ts'],
};
