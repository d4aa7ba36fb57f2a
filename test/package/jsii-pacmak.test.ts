import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packedTarball, ROOT, unpackedPackage } from './shared-pack';

// jsii-pacmak generates the Python, Java, C# and Go packages from the built package, offline, as
// the release job does (without compiling them: their toolchains and registries are not here), and
// the README's snippets for other languages are checked against what it generated.

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const targets = manifest.jsii.targets;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const otherLanguages = readme.slice(
  readme.indexOf('## Other languages'),
  readme.indexOf('\n## ', readme.indexOf('## Other languages') + 3),
);

function fencedBlocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/**
 * The methods called one after another on the value of the call whose `(` is at `open`, up to
 * `build()`: `.streamName("o").requiredTasks(List.of("a")).build()` gives streamName,
 * requiredTasks, build (calls inside arguments do not count).
 */
function builderCalls(source: string, open: number): string[] {
  const calls: string[] = [];
  let i = open;
  for (;;) {
    let depth = 0;
    do {
      if (source[i] === '(') depth++;
      else if (source[i] === ')') depth--;
      i++;
    } while (depth > 0 && i < source.length);
    const next = /^\s*\.\s*(\w+)\(/.exec(source.slice(i));
    if (!next) return calls;
    calls.push(next[1]);
    if (next[1] === 'build') return calls;
    i += next[0].length - 1;
  }
}

describe('jsii-pacmak --code-only for Python, Java, C# and Go', () => {
  let out: string;
  const python = () => join(out, 'python', 'src', targets.python.module);
  const java = () => join(out, 'java', 'src', 'main', 'java', ...targets.java.package.split('.'));
  const dotnet = () => join(out, 'dotnet', targets.dotnet.packageId);
  const go = () => join(out, 'go', 'cdktfdistransfertasks');

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'dis-pacmak-'));
    // The unpacked tarball is the package pacmak reads; it would `npm pack` it again (running its
    // prepack), so it is handed the tarball already made. No registry is needed.
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'jsii-pacmak', 'bin', 'jsii-pacmak'),
        unpackedPackage(),
        '--code-only',
        '--targets',
        'python',
        'java',
        'dotnet',
        'go',
        '--outdir',
        out,
        '--pack-command',
        `echo ${JSON.stringify(packedTarball())}`,
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          npm_config_offline: 'true',
          JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
        },
      },
    );
  }, 120_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('generates each language with the coordinates of package.json', () => {
    const setup = readFileSync(join(out, 'python', 'setup.py'), 'utf8');
    expect(setup).toContain(`"name": "${targets.python.distName}"`);
    expect(setup).toContain(`"cdktf>=0.21.0"`);
    const pom = readFileSync(join(out, 'java', 'pom.xml'), 'utf8');
    expect(pom).toContain(`<groupId>${targets.java.maven.groupId}</groupId>`);
    expect(pom).toContain(`<artifactId>${targets.java.maven.artifactId}</artifactId>`);
    expect(existsSync(join(java(), 'DisTransferTasks.java'))).toBe(true);
    const csproj = readFileSync(join(dotnet(), `${targets.dotnet.packageId}.csproj`), 'utf8');
    expect(csproj).toContain(`<PackageId>${targets.dotnet.packageId}</PackageId>`);
    expect(
      readFileSync(join(dotnet(), ...targets.dotnet.namespace.split('.'), 'DisTransferTasks.cs'), 'utf8'),
    ).toContain(`namespace ${targets.dotnet.namespace}`);
    expect(readFileSync(join(go(), 'go.mod'), 'utf8')).toMatch(
      new RegExp(`^module ${targets.go.moduleName}/cdktfdistransfertasks$`, 'm'),
    );
  });

  it('the README lists the same coordinates', () => {
    const rows = Object.fromEntries(
      otherLanguages
        .slice(0, otherLanguages.indexOf('**Not published yet.**'))
        .split('\n')
        .filter((l) => /^\| (Python|Java|C#|Go) \|/.test(l))
        .map((l) => l.split('|').map((c) => c.trim()))
        .map((cells) => [cells[1], cells[2]]),
    );
    expect(rows).toEqual({
      Python: `PyPI \`${targets.python.distName}\``,
      Java: `Maven \`${targets.java.maven.groupId}:${targets.java.maven.artifactId}\``,
      'C#': `NuGet \`${targets.dotnet.packageId}\``,
      Go: `\`${targets.go.moduleName}/cdktfdistransfertasks\``,
    });
  });

  it('the Python package compiles and installs the dis-transfer-tasks console script', () => {
    const compiled = spawnSync('python3', ['-m', 'py_compile', join(python(), '__init__.py')], {
      encoding: 'utf8',
    });
    expect(compiled.error).toBeUndefined(); // python3 is needed on the machine that runs the tests
    expect(compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    const script = readFileSync(join(python(), '_jsii', 'bin', 'dis-transfer-tasks'), 'utf8');
    expect(script).toContain('invokeBinScript(\n    "cdktf-dis-transfer-tasks", "dis-transfer-tasks"');
    expect(readFileSync(join(out, 'python', 'setup.py'), 'utf8')).toContain(
      `"src/${targets.python.module}/_jsii/bin/dis-transfer-tasks"`,
    );
  });

  it("the README's Python snippets match the generated module", () => {
    const snippets = fencedBlocks(otherLanguages, 'python');
    expect(snippets.length).toBeGreaterThanOrEqual(2);
    const file = join(out, 'readme-snippets.py');
    writeFileSync(file, snippets.join('\n'));
    const check = spawnSync(
      'python3',
      [join(__dirname, 'python_snippet_check.py'), join(python(), '__init__.py'), file],
      { encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    expect(JSON.parse(check.stdout)).toEqual([]);
    expect(check.status).toBe(0);
  });

  it('the Python check catches a wrong name, a camelCase keyword and a missing required one', () => {
    const file = join(out, 'wrong.py');
    writeFileSync(
      file,
      [
        'from cdktf_dis_transfer_tasks import DisTransferTasks, Enforcement, NoSuchThing',
        'tasks = DisTransferTasks(stack, "t", streamName="orders")',
        'tasks.taskNames',
        'Enforcement.NEVER',
      ].join('\n'),
    );
    const check = spawnSync(
      'python3',
      [join(__dirname, 'python_snippet_check.py'), join(python(), '__init__.py'), file],
      {
        encoding: 'utf8',
      },
    );
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout)).toEqual([
      'line 1: cdktf_dis_transfer_tasks has no NoSuchThing',
      expect.stringMatching(
        /^line 2: DisTransferTasks\(\.\.\.\) has no parameter 'streamName' \(it has stream_name, /,
      ),
      'line 2: DisTransferTasks(...) needs stream_name=',
      'line 3: DisTransferTasks objects have no attribute taskNames',
      'line 4: Enforcement has no member NEVER',
    ]);
  });

  /** What in a Java snippet does not match the generated classes of this package. */
  function javaProblems(snippet: string): string[] {
    const generated = (name: string) => readFileSync(join(java(), `${name}.java`), 'utf8');
    const importPattern = new RegExp(`^import ${targets.java.package.replace(/\./g, '\\.')}\\.(\\w+);`, 'gm');
    const ours = [...snippet.matchAll(importPattern)].map((m) => m[1]);
    const problems = ours
      .filter((name) => !existsSync(join(java(), `${name}.java`)))
      .map((n) => `no class ${n}`);
    // Builder chains: X.Builder.create(...).a(...).b(...).build()
    for (const chain of snippet.matchAll(/(\w+)\.Builder\.create\(/g)) {
      if (!ours.includes(chain[1])) continue;
      const methods = builderCalls(snippet, chain.index! + chain[0].length - 1);
      if (methods.at(-1) !== 'build') problems.push(`${chain[1]}.Builder chain does not end with build()`);
      for (const method of methods.slice(0, -1)) {
        if (!generated(chain[1]).includes(`public Builder ${method}(`)) {
          problems.push(`${chain[1]}.Builder has no ${method}()`);
        }
      }
    }
    // Methods called on variables of this package's types, and enum members
    for (const decl of snippet.matchAll(/\b(\w+) (\w+) = \1\.Builder/g)) {
      for (const call of snippet.matchAll(new RegExp(`\\b${decl[2]}\\.(\\w+)\\(`, 'g'))) {
        if (!generated(decl[1]).includes(` ${call[1]}(`)) problems.push(`${decl[1]} has no ${call[1]}()`);
      }
    }
    for (const member of snippet.matchAll(/\bEnforcement\.(\w+)/g)) {
      if (!new RegExp(`^\\s+${member[1]}[,;(]`, 'm').test(generated('Enforcement'))) {
        problems.push(`Enforcement has no ${member[1]}`);
      }
    }
    return problems;
  }

  it("the README's Java snippet uses the generated classes, builders, getters and enum members", () => {
    const [snippet] = fencedBlocks(otherLanguages, 'java');
    expect(snippet).toMatch(/^import io\.github\.distools\.cdktf\.distransfertasks\.DisTransferTasks;$/m);
    expect(javaProblems(snippet)).toEqual([]);
    // the check sees what it should: a TypeScript-style name, a wrong getter, an unknown member
    const wrong = snippet
      .replace('.streamName(', '.stream_name(')
      .replace('.getTaskNames()', '.taskNames()')
      .replace('Enforcement.PLAN', 'Enforcement.Plan');
    expect(javaProblems(wrong)).toEqual([
      'DisTransferTasks.Builder has no stream_name()',
      'DisTransferTasks has no taskNames()',
      'Enforcement has no Plan',
    ]);
  });

  it('the C# and Go names the README gives exist', () => {
    const csharp = filesUnder(dotnet()).find((f) => f.endsWith('DisTransferTasksProps.cs'))!;
    expect(readFileSync(csharp, 'utf8')).toMatch(/public string StreamName\b/);
    expect(otherLanguages).toContain('new DisTransferTasksProps\n{ StreamName = "orders" }');
    expect(readFileSync(join(go(), 'DisTransferTasks.go'), 'utf8')).toContain(
      'func NewDisTransferTasks(scope constructs.Construct, id *string, props *DisTransferTasksProps) DisTransferTasks',
    );
    expect(readFileSync(join(go(), 'DisTransferTasksProps.go'), 'utf8')).toMatch(/^\tStreamName \*string /m);
    expect(otherLanguages).toContain('cdktfdistransfertasks.NewDisTransferTasks(stack,');
  });
});
