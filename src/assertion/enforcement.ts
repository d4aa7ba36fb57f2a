/** When a `DisTransferTasksAssertion` stops a deployment. */
export enum Enforcement {
  /** Fail `cdktf synth` (and so diff and deploy) with a validation error listing every finding. */
  SYNTH = 'SYNTH',
  /**
   * Synth succeeds with a warning; a `terraform_data` resource holding the snapshot carries a
   * precondition, so `terraform plan` (and `cdktf diff`/`deploy`) fails with the findings.
   */
  PLAN = 'PLAN',
  /**
   * Synth succeeds with a warning; a `terraform_data` resource re-checks the tasks live on every
   * `terraform apply` through the CLI and fails the apply when they are not healthy then.
   */
  APPLY = 'APPLY',
  /** Findings become warning annotations only. */
  WARN = 'WARN',
}
