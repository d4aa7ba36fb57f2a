import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { dependencyTarball, packedTarball, ROOT } from './shared-pack';

// A host of the jsii kernel, driving it the way the Python, Java, C# and Go runtimes do: the
// `@jsii/runtime` process (its self-contained webpack bundle, the one the Python package embeds)
// reads one JSON request per line on stdin and answers one JSON line on stdout; the kernel's own
// console output arrives on stderr as `{"stderr": "<base64>"}` lines. Closing stdin ends it.
// Protocol: https://aws.github.io/jsii/specification/3-kernel-api/

/** The runtime bin the language runtimes start (`node <this>`). */
export const JSII_RUNTIME = join(
  ROOT,
  'node_modules',
  '@jsii',
  'runtime',
  'webpack',
  'bin',
  'jsii-runtime.js',
);

/** A reference to an object that lives in the kernel. */
export interface ObjRef {
  readonly '$jsii.byref': string;
}

/** A struct (data interface) passed by value. */
export function struct(fqn: string, data: Record<string, unknown>): unknown {
  return { '$jsii.struct': { fqn, data } };
}

/** An enum member, for example `enumValue('cdktf-dis-transfer-tasks.LookupMode', 'LIVE')`. */
export function enumValue(fqn: string, member: string): unknown {
  return { '$jsii.enum': `${fqn}/${member}` };
}

/** An error the kernel answered with: what a host language raises (`RuntimeError` in Python). */
export class JsiiError extends Error {
  public constructor(
    /** `error`: the JavaScript error's message (prefixed with its class name for get/invoke). */
    public readonly error: string,
    /** `name`: the error class, or `@jsii/kernel.RuntimeError` / `@jsii/kernel.Fault`. */
    public readonly errorName: string,
    /** `stack`: the JavaScript stack. */
    public readonly stackText: string,
  ) {
    super(`${errorName}: ${error}`);
  }
}

/** The three assemblies a cdktf app in another language loads, dependencies first. */
export function cdktfAppAssemblies(): { name: string; version: string; tarball: string }[] {
  const manifest = (dir: string) =>
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
  return [
    { ...manifest(join(ROOT, 'node_modules', 'constructs')), tarball: dependencyTarball('constructs') },
    { ...manifest(join(ROOT, 'node_modules', 'cdktf')), tarball: dependencyTarball('cdktf') },
    { ...manifest(ROOT), tarball: packedTarball() },
  ].map(({ name, version, tarball }) => ({ name, version, tarball }));
}

/** One kernel process and its sequential request/response channel. */
export class JsiiKernel {
  /** Starts the runtime in `cwd` with exactly `env`, and reads its handshake. */
  public static async start(cwd: string, env: NodeJS.ProcessEnv): Promise<JsiiKernel> {
    const kernel = new JsiiKernel(spawn(process.execPath, [JSII_RUNTIME], { cwd, env, stdio: 'pipe' }));
    const hello = (await kernel.next()) as { hello?: string };
    if (typeof hello.hello !== 'string') throw new Error(`no jsii handshake: ${JSON.stringify(hello)}`);
    kernel.hello = hello.hello;
    return kernel;
  }

  /** The handshake, for example `@jsii/runtime@1.140.0`. */
  public hello = '';
  /** What the kernel's JavaScript wrote to its console (decoded), and anything else on stderr. */
  public readonly console: string[] = [];
  private readonly lines: AsyncIterator<string>;
  private readonly exit: Promise<number | null>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    createInterface({ input: child.stderr }).on('line', (line) => {
      try {
        const m = JSON.parse(line) as { stderr?: string; stdout?: string };
        this.console.push(Buffer.from(m.stderr ?? m.stdout ?? '', 'base64').toString());
      } catch {
        this.console.push(line);
      }
    });
    this.exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  private async next(): Promise<Record<string, unknown>> {
    const { value, done } = await this.lines.next();
    if (done) throw new Error(`the jsii runtime exited; it wrote:\n${this.console.join('')}`);
    return JSON.parse(value) as Record<string, unknown>;
  }

  /** Sends one request and returns its `ok`; an `error` answer rejects with a {@link JsiiError}. */
  public async request<T = unknown>(req: Record<string, unknown>): Promise<T> {
    this.child.stdin.write(`${JSON.stringify(req)}\n`);
    for (;;) {
      const res = await this.next();
      if ('ok' in res) return res.ok as T;
      if ('error' in res) throw new JsiiError(String(res.error), String(res.name), String(res.stack ?? ''));
      if ('callback' in res) {
        // no host-implemented interface or override is used here
        const { cbid } = res.callback as { cbid: string };
        this.child.stdin.write(
          `${JSON.stringify({ complete: { cbid, err: 'this host has no callbacks' } })}\n`,
        );
        continue;
      }
      throw new Error(`unexpected answer from the jsii runtime: ${JSON.stringify(res)}`);
    }
  }

  /** `load`: installs a package from its tarball (dependencies first) and registers its assembly. */
  public load(name: string, version: string, tarball: string): Promise<{ assembly: string; types: number }> {
    return this.request({ api: 'load', name, version, tarball });
  }

  /** `create`: `new fqn(...args)`, returning a reference. */
  public create(fqn: string, args: unknown[] = []): Promise<ObjRef> {
    return this.request({ api: 'create', fqn, args });
  }

  /** `get`: reads a property of an object. */
  public async get<T = unknown>(objref: ObjRef, property: string): Promise<T> {
    return (await this.request<{ value: T }>({ api: 'get', objref, property })).value;
  }

  /** `invoke`: calls a method of an object. */
  public async invoke<T = unknown>(objref: ObjRef, method: string, args: unknown[] = []): Promise<T> {
    return (await this.request<{ result: T }>({ api: 'invoke', objref, method, args })).result;
  }

  /** `sinvoke`: calls a static method of a class. */
  public async sinvoke<T = unknown>(fqn: string, method: string, args: unknown[] = []): Promise<T> {
    return (await this.request<{ result: T }>({ api: 'sinvoke', fqn, method, args })).result;
  }

  /** Ends the kernel (closes stdin) and resolves with its exit code. */
  public close(): Promise<number | null> {
    this.child.stdin.end();
    return this.exit;
  }
}

/**
 * The source of a stand-in for the Python package's `dis-transfer-tasks` console script (what
 * jsii-pacmak generates as `_jsii/bin/dis-transfer-tasks`, run by the `jsii` pip module): import
 * the package, which loads constructs, cdktf and this package into a kernel, then ask the kernel
 * for the bin's command line (`getBinScriptCommand`) and run it with the script's arguments.
 */
export function consoleScriptSource(): string {
  return `#!${process.execPath}
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { createInterface } = require('node:readline');
const kernel = spawn(${JSON.stringify(process.execPath)}, [${JSON.stringify(JSII_RUNTIME)}], { stdio: ['pipe', 'pipe', 'ignore'] });
const lines = createInterface({ input: kernel.stdout })[Symbol.asyncIterator]();
async function request(req) {
  if (req) kernel.stdin.write(JSON.stringify(req) + '\\n');
  const { value, done } = await lines.next();
  if (done) throw new Error('the jsii runtime exited');
  const res = JSON.parse(value);
  if ('error' in res) throw new Error(res.error);
  return res;
}
(async () => {
  await request(); // hello
  for (const a of ${JSON.stringify(cdktfAppAssemblies())}) await request({ api: 'load', ...a });
  const { ok } = await request({ api: 'getBinScriptCommand', assembly: 'cdktf-dis-transfer-tasks', script: 'dis-transfer-tasks', args: process.argv.slice(2) });
  const run = spawnSync(ok.command, ok.args, { env: ok.env, stdio: 'inherit' });
  kernel.stdin.end();
  process.exitCode = run.status ?? 1;
})().catch((e) => { console.error(String(e)); kernel.kill(); process.exitCode = 1; });
`;
}
