// The retry policy: pure functions and their defaults.
export * from './retry-policy';
export * from './parse-retry-after';
export * from './retry-delay';
