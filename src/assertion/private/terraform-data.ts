import type { Construct } from 'constructs';
import { anyToHclTerraform, anyToTerraform, TerraformResource, type TerraformMetaArguments } from 'cdktf';

/** Configuration of {@link TerraformData}. */
export interface TerraformDataConfig extends TerraformMetaArguments {
  /** Stored in state and shown in plans. */
  readonly input?: unknown;
  /** A change of this value replaces the resource (and so re-runs its provisioners). */
  readonly triggersReplace?: unknown;
}

/**
 * Terraform's built-in `terraform_data` resource as a plain `TerraformResource`. cdktf's own
 * `DataResource` runs `terraform version` at synth (research/cdktf.md §2); this one needs no binary
 * and no provider.
 */
export class TerraformData extends TerraformResource {
  private readonly input?: unknown;
  private readonly triggersReplace?: unknown;

  public constructor(scope: Construct, id: string, config: TerraformDataConfig) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: config.dependsOn,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
    });
    this.input = config.input;
    this.triggersReplace = config.triggersReplace;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { input: anyToTerraform(this.input), triggers_replace: anyToTerraform(this.triggersReplace) };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return {
      input: {
        value: anyToHclTerraform(this.input),
        isBlock: false,
        type: 'simple',
        storageClassType: 'any',
      },
      triggers_replace: {
        value: anyToHclTerraform(this.triggersReplace),
        isBlock: false,
        type: 'simple',
        storageClassType: 'any',
      },
    };
  }
}
