import { DisError } from '../client/errors';

/** A lookup prop held an unresolved Terraform token, which has no value while synth runs. */
export class DisLookupTokenError extends DisError {
  public constructor(constructPath: string, prop: string) {
    super(
      'DIS_LOOKUP_UNRESOLVED_TOKEN',
      `[${constructPath}] The prop "${prop}" holds an unresolved Terraform token. A lookup queries DIS ` +
        'while synth builds the construct, before Terraform knows any attribute, variable or local value. ' +
        'Pass a literal string instead: a constant, a value read from process.env, or ' +
        'this.node.tryGetContext(...) - not an attribute of a resource, a TerraformVariable or a TerraformLocal.',
      { constructPath, prop },
    );
  }
}
