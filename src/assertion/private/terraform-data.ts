import type { Construct } from 'constructs';
import { anyToHclTerraform, anyToTerraform, TerraformResource, type TerraformMetaArguments } from 'cdktf';

/** A precondition of {@link TerraformData}: an expression string and its error message. */
export interface TerraformDataPrecondition {
  /** The condition, a `${…}` expression that must reference another object. */
  readonly condition: string;
  /** The message terraform prints when the condition is false. */
  readonly errorMessage: string;
}

/** Configuration of {@link TerraformData}. */
export interface TerraformDataConfig extends Omit<TerraformMetaArguments, 'lifecycle'> {
  /** Stored in state and shown in plans. */
  readonly input?: unknown;
  /** A change of this value replaces the resource (and so re-runs its provisioners). */
  readonly triggersReplace?: unknown;
  /** Lifecycle preconditions, checked on every plan. */
  readonly preconditions?: TerraformDataPrecondition[];
}

/**
 * Terraform's built-in `terraform_data` resource as a plain `TerraformResource`. cdktf's own
 * `DataResource` runs `terraform version` at synth (research/cdktf.md §2); this one needs no binary
 * and no provider.
 *
 * Preconditions are rendered here rather than through `lifecycle`, because cdktf 0.21's HCL output
 * writes `lifecycle.precondition` as an attribute list with raw newlines, which terraform rejects;
 * here they become `precondition { … }` blocks with heredoc messages.
 */
export class TerraformData extends TerraformResource {
  private readonly input?: unknown;
  private readonly triggersReplace?: unknown;
  private readonly preconditions: TerraformDataPrecondition[];

  public constructor(scope: Construct, id: string, config: TerraformDataConfig) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: config.dependsOn,
      provisioners: config.provisioners,
      lifecycle:
        config.preconditions === undefined
          ? undefined
          : { precondition: config.preconditions.map((p) => ({ ...p })) },
    });
    this.input = config.input;
    this.triggersReplace = config.triggersReplace;
    this.preconditions = config.preconditions ?? [];
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { input: anyToTerraform(this.input), triggers_replace: anyToTerraform(this.triggersReplace) };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    const any = (value: unknown): unknown =>
      value === undefined ? undefined : { value: anyToHclTerraform(value), isBlock: false, type: 'any' };
    return { input: any(this.input), triggers_replace: any(this.triggersReplace) };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdktf types this as any
  public override toHclTerraform(): any {
    const hcl = super.toHclTerraform();
    if (this.preconditions.length === 0) return hcl;
    const text = (value: string): unknown => ({
      value,
      isBlock: false,
      type: 'simple',
      storageClassType: 'string',
    });
    hcl.resource[this.terraformResourceType][this.friendlyUniqueId].lifecycle = {
      isBlock: true,
      type: 'simple',
      value: {
        precondition: {
          isBlock: true,
          type: 'list',
          storageClassType: 'object',
          value: this.preconditions.map((p) => ({
            condition: text(p.condition),
            error_message: text(p.errorMessage),
          })),
        },
      },
    };
    return hcl;
  }
}
