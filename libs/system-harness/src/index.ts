export * from './system-under-test';
