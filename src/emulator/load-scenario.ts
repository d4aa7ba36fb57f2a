// Reading a scenario: the zod schemas (held to the hand-written shapes of ./scenario at compile
// time), parsing with the path of the first bad field, files, the shipped scenarios, and the JSON
// Schema editors use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prettifyError, toJSONSchema, z } from 'zod';
import { NAME_PATTERN } from '../client/config';
import { EmulatorScenarioError } from './errors';
import type { Scenario, ScenarioInput, ScenarioProject, ScenarioStream, ScenarioTask } from './scenario';

/** Stream and task names: the client's rule, so that the two agree. */
const NAME = NAME_PATTERN;
const PROJECT_ID = /^[0-9a-f]{32}$/;

/**
 * A time in a scenario: epoch milliseconds, or `now` / `now-<seconds>s`, evaluated when a request
 * is answered (a running task keeps transferring, so its last transfer stays recent).
 */
const ScenarioTimeSchema = z.union([
  z.number().int().nonnegative(),
  z.string().regex(/^now(-\d+s)?$/, 'expected epoch milliseconds, "now" or "now-<seconds>s"'),
]);

const ScenarioTaskSchema = z.strictObject({
  taskName: z.string().regex(NAME, 'expected 1-64 letters, digits, "-" or "_"'),
  taskId: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'expected 1-64 letters or digits'),
  state: z.string().min(1),
  destinationType: z.string().min(1),
  createTime: z.number().int().nonnegative(),
  lastTransferTimestamp: ScenarioTimeSchema.optional(),
});

const ScenarioStreamSchema = z.strictObject({
  name: z.string().regex(NAME, 'expected 1-64 letters, digits, "-" or "_"'),
  createTime: z.number().int().nonnegative().default(0),
  transferTaskQuota: z.number().int().min(0).max(5).default(5),
  tasks: z.array(ScenarioTaskSchema).default([]),
});

const ScenarioProjectSchema = z.strictObject({
  id: z.string().regex(PROJECT_ID, 'expected 32 lower-case hex digits'),
  name: z.string().min(1),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'expected a region id such as cn-north-4'),
  streams: z.array(ScenarioStreamSchema).default([]),
});

const grantedProjects = z
  .array(z.string().regex(PROJECT_ID, 'expected 32 lower-case hex digits'))
  .optional()
  .describe('project ids this credential may use; absent means every project');

const ScenarioAccessKeySchema = z.strictObject({
  accessKey: z.string().regex(/^[A-Za-z0-9]{8,64}$/, 'expected 8-64 letters or digits'),
  secretKey: z.string().min(8),
  securityToken: z.string().min(1).optional(),
  expiresAt: z.iso.datetime().optional(),
  projects: grantedProjects,
});

const ScenarioTokenSchema = z.strictObject({
  token: z.string().min(8),
  expiresAt: z.iso.datetime().optional(),
  projects: grantedProjects,
});

const ScenarioUserSchema = z.strictObject({
  name: z.string().min(1),
  password: z.string().min(1),
  domain: z.string().min(1),
  projects: grantedProjects,
});

const ScenarioObjectSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  domain: z.strictObject({ id: z.string().min(1), name: z.string().min(1) }),
  projects: z.array(ScenarioProjectSchema).min(1),
  credentials: z
    .strictObject({
      accessKeys: z.array(ScenarioAccessKeySchema).default([]),
      tokens: z.array(ScenarioTokenSchema).default([]),
      users: z.array(ScenarioUserSchema).default([]),
    })
    .default({ accessKeys: [], tokens: [], users: [] }),
  tokenTtlSeconds: z.number().int().positive().default(86400),
  startingMs: z.number().int().min(0).default(0),
  sendNulls: z
    .boolean()
    .default(false)
    .describe('answer with JSON null where the SDK models allow it, instead of leaving fields out'),
});

/** The whole scenario file: shape first, then cross references (unique names, known project ids). */
const ScenarioSchema = ScenarioObjectSchema.superRefine(checkReferences);

/** A task added to a running emulator: the id and creation time may be left out. */
const NewTaskSchema = ScenarioTaskSchema.partial({ taskId: true, createTime: true });

function checkReferences(s: z.output<typeof ScenarioObjectSchema>, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const projectIds = new Set<string>();
  const taskIds = new Set<string>();
  s.projects.forEach((p, pi) => {
    if (projectIds.has(p.id)) issue(['projects', pi, 'id'], `duplicate project id ${p.id}`);
    projectIds.add(p.id);
    const streams = new Set<string>();
    p.streams.forEach((st, si) => {
      if (streams.has(st.name)) issue(['projects', pi, 'streams', si, 'name'], `duplicate stream ${st.name}`);
      streams.add(st.name);
      if (st.tasks.length > st.transferTaskQuota) {
        issue(
          ['projects', pi, 'streams', si, 'tasks'],
          `${st.tasks.length} tasks exceed the stream's quota of ${st.transferTaskQuota}`,
        );
      }
      const names = new Set<string>();
      st.tasks.forEach((t, ti) => {
        const at = ['projects', pi, 'streams', si, 'tasks', ti];
        if (names.has(t.taskName)) issue([...at, 'taskName'], `duplicate task ${t.taskName}`);
        names.add(t.taskName);
        if (taskIds.has(t.taskId)) issue([...at, 'taskId'], `duplicate task id ${t.taskId}`);
        taskIds.add(t.taskId);
      });
    });
  });
  const kinds = ['accessKeys', 'tokens', 'users'] as const;
  for (const kind of kinds) {
    s.credentials[kind].forEach((c, ci) => {
      (c.projects ?? []).forEach((id, ii) => {
        if (!projectIds.has(id)) issue(['credentials', kind, ci, 'projects', ii], `unknown project id ${id}`);
      });
    });
  }
  s.credentials.users.forEach((u, ui) => {
    if (u.domain !== s.domain.name) {
      issue(
        ['credentials', 'users', ui, 'domain'],
        `unknown domain ${u.domain}; the scenario's is ${s.domain.name}`,
      );
    }
  });
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

/**
 * Compile-time proof that the hand-written types of ./scenario describe what these schemas accept
 * and produce: changing one side without the other fails the build. Not exported: its
 * declaration would bring zod's types into the package's.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
type ScenarioTypesMatchSchemas = [
  Holds<Same<z.output<typeof ScenarioSchema>, Scenario>>,
  Holds<Same<z.input<typeof ScenarioSchema>, ScenarioInput>>,
  Holds<Same<z.output<typeof ScenarioTaskSchema>, ScenarioTask>>,
  Holds<Same<z.output<typeof ScenarioStreamSchema>, ScenarioStream>>,
  Holds<Same<z.output<typeof ScenarioProjectSchema>, ScenarioProject>>,
];

/**
 * Validates a scenario object and applies its defaults.
 *
 * @param input the parsed JSON of a scenario
 * @param source where it came from, for the error message
 * @default source `(inline scenario)`
 * @throws EmulatorScenarioError naming the path of the first bad field
 */
export function parseScenario(input: unknown, source = '(inline scenario)'): Scenario {
  const result = ScenarioSchema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new EmulatorScenarioError(source, formatPath(first.path), first.message, {
    cause: prettifyError(result.error),
  });
}

/**
 * The first rule a task to add to a running emulator breaks (the rules of a scenario's tasks; the
 * id and creation time may be left out), or `undefined` when it keeps them all.
 */
export function newTaskProblem(task: unknown): { fieldPath: string; problem: string } | undefined {
  const checked = NewTaskSchema.safeParse(task);
  if (checked.success) return undefined;
  const issue = checked.error.issues[0];
  return { fieldPath: formatPath(issue.path), problem: issue.message };
}

/**
 * The JSON Schema of scenario files (what editors use through `"$schema"`), generated from the zod
 * schema. Cross-field rules (unique names, known project ids, the task quota) are not expressible
 * there; the emulator checks them on load. Shipped as `scenarios/scenario.schema.json`.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    title: 'DIS emulator scenario',
    description:
      'Projects, streams, transfer tasks and credentials served by the cdktf-dis-transfer-tasks DIS emulator.',
  };
}

/** Renders a zod issue path as `projects[0].streams[1].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Names of the scenarios shipped in the package's `scenarios/` folder. */
export const SHIPPED_SCENARIOS = ['demo', 'demo-paused', 'demo-nulls'] as const;

/** One of {@link SHIPPED_SCENARIOS}. */
export type ShippedScenarioName = (typeof SHIPPED_SCENARIOS)[number];

/** The absolute path of a scenario shipped with the package (`scenarios/<name>.json`). */
export function shippedScenarioPath(name: ShippedScenarioName): string {
  // Both src/emulator (ts-jest) and lib/emulator (built) sit two levels below the package root.
  return join(__dirname, '..', '..', 'scenarios', `${name}.json`);
}

/**
 * Reads and validates a scenario file.
 *
 * @throws EmulatorScenarioError when the file cannot be read, is not JSON, or fails validation
 */
export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new EmulatorScenarioError(file, '', `the file cannot be read (${code})`, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EmulatorScenarioError(file, '', `it is not JSON (${(e as Error).message})`, { cause: e });
  }
  return parseScenario(json, file);
}

/**
 * Turns what a caller passed as `scenario` into a validated scenario: the name of a shipped
 * scenario (`demo`, `demo-paused`), a file path, a scenario object, or nothing (`demo`).
 */
export function resolveScenario(scenario: string | ScenarioInput | Scenario | undefined): Scenario {
  if (scenario === undefined) return loadScenario(shippedScenarioPath('demo'));
  if (typeof scenario === 'string') {
    const shipped = (SHIPPED_SCENARIOS as readonly string[]).includes(scenario);
    return loadScenario(shipped ? shippedScenarioPath(scenario as ShippedScenarioName) : scenario);
  }
  return parseScenario(scenario);
}
