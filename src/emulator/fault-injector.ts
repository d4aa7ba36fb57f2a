import { formatPath } from './load-scenario';
import { EmulatorFaultError } from './errors';
import type { EmulatorFault } from './emulator-fault';
import { EmulatorFaultSchema } from './emulator-fault-schema';
import type { RouteId } from './route-id';
import { seededRandom } from './seeded-random';

/** A validated fault with its own counters. */
export type ActiveFault = ReturnType<typeof EmulatorFaultSchema.parse>;

interface Armed {
  readonly fault: ActiveFault;
  readonly random: () => number;
  seen: number;
  fired: number;
}

/** Holds the injected faults and decides, request by request, which one (if any) fires. */
export class FaultInjector {
  private armed: Armed[] = [];

  /** Validates and arms a fault. Its request counter starts now. */
  public inject(fault: EmulatorFault): void {
    const parsed = EmulatorFaultSchema.safeParse(fault);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EmulatorFaultError(formatPath(issue.path), issue.message);
    }
    this.armed.push({ fault: parsed.data, random: seededRandom(parsed.data.seed), seen: 0, fired: 0 });
  }

  /** Removes every fault. */
  public clear(): void {
    this.armed = [];
  }

  /** The first armed fault that fires for this request, counting the request against each matching fault. */
  public next(route: RouteId | 'unknown'): ActiveFault | undefined {
    let firing: ActiveFault | undefined;
    for (const a of this.armed) {
      if (a.fault.route !== '*' && a.fault.route !== route) continue;
      a.seen++;
      if (firing || (a.fault.times !== undefined && a.fired >= a.fault.times)) continue;
      const hit = a.fault.onRequests
        ? a.fault.onRequests.includes(a.seen)
        : a.fault.probability !== undefined
          ? a.random() < a.fault.probability
          : true;
      if (hit) {
        a.fired++;
        firing = a.fault;
      }
    }
    return firing;
  }
}
