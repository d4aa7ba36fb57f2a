// The zod schema of an injected fault. Loaded when a fault is armed or the schema is read (through
// the lazy export of ./emulator-fault), never with the package itself.
import { z } from 'zod';
import { FAULT_KINDS } from './emulator-fault';
import { ROUTE_IDS } from './route-id';

/** A fault as a test or a scenario declares it (an `EmulatorFault`), defaults applied on parse. */
export const EmulatorFaultSchema = z
  .strictObject({
    kind: z.enum(FAULT_KINDS),
    route: z.union([z.enum(ROUTE_IDS as [string, ...string[]]), z.literal('*')]).default('*'),
    onRequests: z.array(z.number().int().positive()).optional(),
    probability: z.number().min(0).max(1).optional(),
    seed: z.number().int().default(1),
    times: z.number().int().positive().optional(),
    latencyMs: z.number().int().min(0).max(600_000).default(0),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(503),
    retryAfterSeconds: z.number().int().min(0).default(1),
    oversizedBytes: z
      .number()
      .int()
      .positive()
      .max(256 * 1024 * 1024)
      .default(16 * 1024 * 1024),
  })
  .refine((f) => !(f.onRequests && f.probability !== undefined), {
    message: 'give either onRequests or probability, not both',
  });
