import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

// The root run (`npm test`) runs every project's tests in one Jest process with one summary.
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
});
