// Offline mode's misses: a lookup with no recorded value does not throw in its constructor. It
// registers its key, and synth fails once with every missing key of the app, so one run of the
// refresh command fills them all (aws-cdk reports its missing context the same way).
import { Annotations, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { LookupResult, LookupSettings, Target } from './context-provider';
import { formatMissing, type MissingLookup } from './errors';

const missingByApp = new WeakMap<IConstruct, MissingLookup[]>();
const validatedStacks = new WeakSet<IConstruct>();

/** Every offline miss recorded so far in the app that holds `scope` (a live list). */
export function missingLookups(scope: IConstruct): readonly MissingLookup[] {
  return missingByApp.get(scope.node.root) ?? [];
}

/**
 * Registers an offline lookup's misses and returns its result without snapshots. Synth then fails
 * once, listing every missing key of the whole app: the first stack holding a miss gets a
 * validation whose message is the full list (cdktf stops at the first failing stack), and an error
 * annotation on the lookup keeps synth failing even when an app sets `skipValidation`.
 */
export function missOffline(
  lookup: LookupSettings,
  target: Target,
  misses: ReadonlyArray<{ readonly key: string; readonly streamName: string }>,
): LookupResult {
  const { scope, modeFrom } = lookup;
  const list = missingByApp.get(scope.node.root) ?? [];
  missingByApp.set(scope.node.root, list);
  for (const { key, streamName } of misses) {
    list.push({ key, constructPath: scope.node.path, streamName, ...target, modeFrom });
    Annotations.of(scope).addError(
      `No recorded value for ${key} (lookup mode offline). Synth once with credentials in mode auto ` +
        'to record it, and commit cdktf.context.json.',
    );
  }
  const stack = TerraformStack.of(scope);
  if (!validatedStacks.has(stack)) {
    validatedStacks.add(stack);
    stack.node.addValidation({ validate: () => [formatMissing(list)] });
  }
  return target;
}
