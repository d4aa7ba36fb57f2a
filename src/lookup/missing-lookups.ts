import { Annotations, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { formatMissing, type MissingLookup } from './errors';

const byApp = new WeakMap<IConstruct, MissingLookup[]>();
const validated = new WeakSet<IConstruct>();

/**
 * Records a lookup that has no value in offline mode and makes synth fail once, listing every
 * missing key of the whole app: the first stack holding a miss gets a validation whose message is
 * the full list (cdktf stops at the first failing stack). An error annotation on the lookup keeps
 * synth failing even when an app sets `skipValidation`. Returns the misses recorded so far.
 */
export function reportMissingLookup(scope: IConstruct, missing: MissingLookup): readonly MissingLookup[] {
  const root = scope.node.root;
  let list = byApp.get(root);
  if (!list) {
    list = [];
    byApp.set(root, list);
  }
  list.push(missing);
  const stack = TerraformStack.of(scope);
  if (!validated.has(stack)) {
    validated.add(stack);
    const all = list;
    stack.node.addValidation({ validate: () => [formatMissing(all)] });
  }
  Annotations.of(scope).addError(
    `No recorded value for ${missing.key} (lookup mode offline). Synth once with credentials in mode auto ` +
      'to record it, and commit cdktf.context.json.',
  );
  return list;
}

/** Every miss recorded so far in the app that holds `scope` (a live list). */
export function missingLookups(scope: IConstruct): readonly MissingLookup[] {
  return byApp.get(scope.node.root) ?? [];
}
