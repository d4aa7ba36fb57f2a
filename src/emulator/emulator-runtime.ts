// What a started DisEmulator runs on: the HTTP server, the state and its scenario validation (zod),
// faults, lockout, the request log. DisEmulator.start loads this module, so that loading the
// package, which exports DisEmulator, loads none of it (see docs/decisions/0003).
export { createServer } from 'node:http';
export { KeyLockout } from './auth';
export { EmulatorState } from './state';
export { FaultInjector } from './faults';
export { RequestLog } from './request-log';
export { resolveScenario } from './load-scenario';
export { serveRequest } from './serve-request';
