import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { DisTransferTasksAssertion, Enforcement } from '../../src/assertion/dis-transfer-tasks-assertion';
import { GateSeverity } from '../../src/assertion/gate-rules';
import { Duration } from '../../src/lookup/duration';
import { demo, FETCHED_AT, lookupOf, snapshot, task } from './gate-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- synthesized JSON is walked freely
type Json = any;

// The gate's clock is Date.now() at synth: each test sets it, a number of hours after the fixtures'
// fetch time (2026-11-28T12:00Z), instead of waiting.
const HOUR = 3_600_000;
function at(hoursAfterFetch: number): void {
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse(FETCHED_AT) + hoursAfterFetch * HOUR);
}
afterEach(() => jest.restoreAllMocks());

/** orders recorded in the context cache (the age rule applies); clicks given as cdktf context (exempt). */
function recorded() {
  const [orders, clicks] = demo();
  return lookupOf([{ ...orders, source: 'cache' }, clicks]);
}

function synth(
  props: Partial<ConstructorParameters<typeof DisTransferTasksAssertion>[2]>,
  lookup = recorded(),
): { gate: DisTransferTasksAssertion; json: Json; report: Json; annotations: Json[]; error?: string } {
  const outdir = mkdtempSync(join(tmpdir(), 'dis-freshness-'));
  try {
    const app = new App({ outdir, stackTraces: false });
    const stack = new TerraformStack(app, 'demo');
    const gate = new DisTransferTasksAssertion(stack, 'Gate', { lookup, ...props });
    let error: string | undefined;
    try {
      app.synth();
    } catch (e) {
      error = (e as Error).message;
    }
    const read = (f: string) => JSON.parse(readFileSync(join(outdir, 'stacks/demo', f), 'utf8'));
    const annotations =
      error === undefined
        ? JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')).stacks.demo.annotations
        : [];
    return {
      gate,
      json: error === undefined ? read('cdk.tf.json') : undefined,
      report: read('dis-gate.Gate.report.json'),
      annotations,
      ...(error === undefined ? {} : { error }),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe('DisTransferTasksAssertion: snapshot age (DIS-SNAPSHOT-AGE)', () => {
  test('a recorded snapshot older than 24 hours fails synth, naming stream, fetch time, age and fix', () => {
    at(30);
    const { error, report } = synth({});
    expect(error).toContain(
      'ERROR DIS-SNAPSHOT-AGE: the snapshot of stream orders was fetched at 2026-11-28T12:00:00.000Z (cache), 1d 6h ago; the gate accepts snapshots up to 1d old. Fix: Refresh it (npx dis-transfer-tasks context refresh)',
    );
    expect(report.streams).toEqual([
      expect.objectContaining({
        streamName: 'orders',
        fetchedAt: FETCHED_AT,
        ageSeconds: 30 * 3600,
        source: 'cache',
      }),
      expect.objectContaining({ streamName: 'clicks', ageSeconds: 30 * 3600, source: 'context' }),
    ]);
    expect(report.evaluatedAt).toBe('2026-11-29T18:00:00.000Z');
  });

  test('maxSnapshotAge raises the limit; ignoreSnapshotAge turns the check off explicitly', () => {
    at(30);
    expect(synth({ maxSnapshotAge: Duration.hours(36) }).error).toBeUndefined();
    const off = synth({ ignoreSnapshotAge: true });
    expect(off.error).toBeUndefined();
    expect(off.gate.rules).toEqual({ ignoreSnapshotAge: true });
    expect(() => synth({ ignoreSnapshotAge: true, maxSnapshotAge: Duration.hours(1) })).toThrow(
      'ignoreSnapshotAge: expected either ignoreSnapshotAge or maxSnapshotAgeSeconds, found both',
    );
  });

  test('PLAN: cdk.tf.json re-measures the age at plan time and does not depend on the synth clock', () => {
    // GIVEN the same snapshot synthesized one hour after the fetch (fresh) and three days after (stale)
    at(1);
    const fresh = synth({ enforcement: Enforcement.PLAN });
    at(72);
    const stale = synth({ enforcement: Enforcement.PLAN });
    // THEN synth passes both times (PLAN warns), and cdk.tf.json is byte-for-byte the same
    expect([fresh.error, stale.error]).toEqual([undefined, undefined]);
    expect(JSON.stringify(stale.json)).toBe(JSON.stringify(fresh.json));
    // AND the synth-time verdicts differ: only the stale one has the age finding
    expect(fresh.report.findings).toEqual([]);
    expect(stale.report.findings.map((f: Json) => f.ruleId)).toEqual(['DIS-SNAPSHOT-AGE']);
    expect(stale.annotations[0].message).toContain('or once a snapshot is older than 1d at plan time.');
    // AND the JSON holds the plan-time check: plantimestamp() against fetched_at + max age
    const resource = Object.values<Json>(stale.json.resource.terraform_data)[0];
    const [local] = Object.keys(stale.json.locals);
    expect(stale.json.locals[local]).toMatchObject({
      errors: 0,
      max_snapshot_age: '86400s',
      streams: [
        { stream: 'orders', fetched_at: FETCHED_AT, check_age: true },
        { stream: 'clicks', fetched_at: FETCHED_AT, check_age: false },
      ],
    });
    const age = resource.lifecycle.precondition[1];
    expect(age.condition).toBe(
      `\${length([for s in local.${local}.streams : s if s.check_age && timecmp(plantimestamp(), timeadd(s.fetched_at, local.${local}.max_snapshot_age)) > 0]) == 0}`,
    );
    expect(age.error_message).toContain(
      'DIS-SNAPSHOT-AGE: at plan time (${plantimestamp()}), the snapshot of ${join(',
    );
  });

  test('PLAN: no plan-time age check when it is off, warn-only, accepted, or only context values', () => {
    at(1);
    const preconditions = (props: Json, lookup = recorded()) =>
      Object.values<Json>(
        synth({ enforcement: Enforcement.PLAN, ...props }, lookup).json.resource.terraform_data,
      )[0].lifecycle.precondition.length;
    expect(preconditions({})).toBe(2);
    expect(preconditions({ ignoreSnapshotAge: true })).toBe(1);
    expect(preconditions({ severity: GateSeverity.WARNING })).toBe(1);
    const ack = { ruleId: 'DIS-SNAPSHOT-AGE', task: '*', reason: 'apply re-checks live, OPS-77' };
    expect(preconditions({ acknowledgements: [ack] })).toBe(1);
    expect(preconditions({}, lookupOf(demo()))).toBe(1);
  });
});

describe('DisTransferTasksAssertion: a stream the stack creates (DIS-STREAM-ABSENT)', () => {
  const absent = () => lookupOf([{ ...snapshot('orders', []), source: 'api', streamExists: false }]);

  test('the first deploy synthesizes with a warning naming the tasks it will check', () => {
    at(0);
    const { error, annotations, report } = synth({ requiredTasks: ['orders-to-obs'], minTasks: 1 }, absent());
    expect(error).toBeUndefined();
    expect(annotations).toEqual([
      expect.objectContaining({
        level: '@cdktf/warn',
        message: expect.stringContaining(
          'WARN  DIS-STREAM-ABSENT: stream orders does not exist yet in project 0123456789abcdef0123456789abcdef (cn-north-4), so none of its tasks could be checked; the gate checks its required tasks orders-to-obs and minTasks (1) once it exists.',
        ),
      }),
    ]);
    expect(report).toMatchObject({ healthy: true, streams: [{ streamName: 'orders', streamExists: false }] });
  });

  test('APPLY: the gate file lets the live check find the stream still absent, as a finding', () => {
    at(0);
    const { gate } = synth({ enforcement: Enforcement.APPLY }, absent());
    expect(gate.report.findings.map((f) => f.ruleId)).toEqual(['DIS-STREAM-ABSENT']);
    const outdir = mkdtempSync(join(tmpdir(), 'dis-freshness-'));
    try {
      const app = new App({ outdir, stackTraces: false });
      new DisTransferTasksAssertion(new TerraformStack(app, 'demo'), 'Gate', {
        lookup: absent(),
        enforcement: Enforcement.APPLY,
      });
      app.synth();
      const file = JSON.parse(readFileSync(join(outdir, 'stacks/demo/dis-gate.Gate.gate.json'), 'utf8'));
      expect(file.target).toMatchObject({ streams: ['orders'], mustExist: false });
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('absentStreamSeverity ERROR refuses it', () => {
    at(0);
    expect(synth({ absentStreamSeverity: GateSeverity.ERROR }, absent()).error).toContain(
      'ERROR DIS-STREAM-ABSENT: stream orders does not exist yet',
    );
  });
});

describe('DisTransferTasksAssertion: what it writes into cdk.tf.json is escaped', () => {
  test('template sequences in looked-up strings stay literal in the PLAN gate', () => {
    // A hand-edited cache can hold anything the parser let through: the gate escapes regardless.
    at(0);
    const hostile = snapshot('orders', [
      task('x${file("/etc/hostname")}', 'PAUSED', '%{if true}OBS%{endif}'),
    ]);
    const { json } = synth({ enforcement: Enforcement.PLAN, ignoreSnapshotAge: true }, lookupOf([hostile]));
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/[^$]\$\{file/);
    expect(text).not.toMatch(/[^%]%\{if/);
    const [local] = Object.values<Json>(json.locals);
    expect(local.streams[0].tasks[0]).toMatchObject({
      name: 'x$${file("/etc/hostname")}',
      destination_type: '%%{if true}OBS%%{endif}',
    });
  });
});
