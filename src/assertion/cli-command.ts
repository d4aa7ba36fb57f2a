// The command the APPLY gate's `local-exec` runs when the assertion's `cliCommand` is not given:
// this package's own CLI, in a form that still works when Terraform applies, whatever language the
// app is written in.
//
// - In a Node app (TypeScript, JavaScript) it is `node "<absolute path of lib/cli/main.js>"`: the
//   CLI of the copy of the package that synthesized the stack. Unlike `npx --no-install`, it needs
//   no node_modules/.bin between the stack folder and the project, so global installs, workspaces
//   and stacks written outside the project work too.
// - A Python, Java, C# or Go app runs the package inside the jsii kernel, from a temporary folder
//   that is deleted when the app exits: no path in it exists at apply time. There the command is
//   `dis-transfer-tasks`, which the Python package installs as a console script (for Java, C# and
//   Go it comes from npm, or the app sets `cliCommand`): its absolute path when it is on PATH at
//   synth (`pipenv run` puts the virtual environment there for the app, not for the `terraform
//   apply` cdktf starts later), else the bare name, with a warning. jsii hosts name themselves in
//   `JSII_AGENT` (`Python/3.12.1`, `Java/17.0.9`, `DotNet/8.0.1`, `go1.22.1/linux/amd64`).
import { readFileSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** The name of the package's command (package.json `bin`), also the Python package's console script. */
export const CLI_NAME = 'dis-transfer-tasks';

/**
 * The CLI of this copy of the package, `lib/cli/main.js`. Loaded from `src/*.ts` (jest, ts-node),
 * it is the built `lib/cli/main.js` of the checkout: the command runs under plain `node`.
 */
export function cliScriptPath(): string {
  if (!__filename.endsWith('.ts')) return join(__dirname, '..', 'cli', 'main.js');
  return resolve(__dirname, '..', '..', 'lib', 'cli', 'main.js');
}

/**
 * True when this process is a jsii kernel serving a Python, Java, C# or Go app: its host sets
 * `JSII_AGENT`; and the kernel unpacks packages into a temporary `jsii-kernel-*` folder.
 */
export function isJsiiHost(env: NodeJS.ProcessEnv = process.env, script: string = cliScriptPath()): boolean {
  return (env.JSII_AGENT ?? '').trim() !== '' || /[\\/]jsii-kernel-[^\\/]+[\\/]/.test(script);
}

/**
 * `path` as one word of a `local-exec` command line: double-quoted, with what a POSIX shell would
 * still expand inside double quotes (`\`, `"`, `$`, `` ` ``) escaped; on Windows (`cmd /C`), where
 * paths cannot hold `"`, only quoted.
 */
export function quoteCommandWord(path: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return `"${path}"`;
  return `"${path.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

/** The default `cliCommand` for this process and environment (see the top of this file). */
export function defaultCliCommand(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  script: string = cliScriptPath(),
): string {
  if (!isJsiiHost(env, script)) return `node ${quoteCommandWord(script, platform)}`;
  const installed = findOnPath(CLI_NAME, env, platform);
  return installed === undefined ? CLI_NAME : quoteCommandWord(installed, platform);
}

/**
 * The CLI command `Enforcement.APPLY` runs when `cliCommand` is not given, as chosen for this
 * process: `node "<path of this package's lib/cli/main.js>"` in a Node app; in a Python, Java, C#
 * or Go app, `dis-transfer-tasks` (its absolute path when it is on PATH).
 */
export const DEFAULT_CLI_COMMAND: string = defaultCliCommand();

/** The first executable file `name` in the folders of `PATH` (with `PATHEXT` on Windows). */
export function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const extensions = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';')] : [''];
  const folders = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter);
  for (const folder of folders) {
    if (!isAbsolute(folder)) continue; // '' and relative entries mean the cwd, which apply does not share
    for (const ext of extensions) {
      const file = join(folder, name + ext);
      if (isExecutableFile(file, platform)) return file;
    }
  }
  return undefined;
}

function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
  try {
    const stat = statSync(file);
    return stat.isFile() && (platform === 'win32' || (stat.mode & 0o111) !== 0);
  } catch {
    return false;
  }
}

/**
 * A warning for an APPLY gate that relies on the default command in a jsii host where
 * `dis-transfer-tasks` is not on PATH at synth: the apply would fail with "command not found".
 * `undefined` when there is nothing to say.
 */
export function missingCliWarning(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!isJsiiHost(env) || findOnPath(CLI_NAME, env) !== undefined) return undefined;
  const version = packageVersion();
  return (
    `The APPLY gate runs \`${CLI_NAME} check\` when Terraform applies, and \`${CLI_NAME}\` is not on PATH here. ` +
    `Python: \`pip install cdktf-dis-transfer-tasks\` installs it; run cdktf with that environment active. ` +
    `Java, C#, Go: \`npm install --global cdktf-dis-transfer-tasks@${version}\`, or set cliCommand ` +
    `(for example 'npx --yes cdktf-dis-transfer-tasks@${version}').`
  );
}

/** This package's version, for the install commands in messages. */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
