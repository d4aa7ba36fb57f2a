// The part of the SARIF 2.1.0 object model the gate writes (OASIS SARIF 2.1.0, §3). Declared here
// rather than taken from @types/sarif, a development dependency that users of the `/gate` entry
// point would not have; a test checks that these types fit @types/sarif's.

/** A SARIF log (§3.13): one run of the gate. */
export interface SarifLog {
  /** The schema the log follows. */
  readonly $schema: string;
  /** The SARIF version, `2.1.0`. */
  readonly version: '2.1.0';
  /** The runs; the gate writes one. */
  readonly runs: SarifRun[];
}

/** A run (§3.14): the tool, its rules and its results. */
export interface SarifRun {
  /** The tool that ran. */
  readonly tool: { readonly driver: SarifToolComponent };
  /** What identifies the run among repeated runs (§3.17); code scanning reads it as the category. */
  readonly automationDetails?: { readonly id: string };
  /** Base URIs of relative artifact locations (§3.14.14). */
  readonly originalUriBaseIds?: Record<string, { readonly uri: string }>;
  /** How the tool ran (§3.20). */
  readonly invocations?: { readonly executionSuccessful: boolean }[];
  /** One result per finding. */
  readonly results: SarifResult[];
  /** The gate's own data: the verdict, the counts, the streams with their fetch times. */
  readonly properties?: Record<string, unknown>;
}

/** The tool (§3.19). */
export interface SarifToolComponent {
  /** Its name. */
  readonly name: string;
  /** Its full name. */
  readonly fullName?: string;
  /** Its version. */
  readonly version?: string;
  /** Its version, semver. */
  readonly semanticVersion?: string;
  /** Where to learn about it. */
  readonly informationUri?: string;
  /** Every rule it applies. */
  readonly rules: SarifReportingDescriptor[];
}

/** Text, with a Markdown form (§3.12). */
export interface SarifMessage {
  /** Plain text. */
  readonly text: string;
  /** The same in GitHub Flavored Markdown. */
  readonly markdown?: string;
}

/** A rule (§3.49). */
export interface SarifReportingDescriptor {
  /** The rule id. */
  readonly id: string;
  /** An identifier-like name. */
  readonly name?: string;
  /** One sentence. */
  readonly shortDescription: SarifMessage;
  /** Why it matters. */
  readonly fullDescription: SarifMessage;
  /** What to do about a finding. */
  readonly help: SarifMessage;
  /** The level of its findings by default. */
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' | 'note' | 'none' };
  /** Tags and other data. */
  readonly properties?: Record<string, unknown>;
}

/** A location (§3.28). */
export interface SarifLocation {
  /** A file and a region in it. */
  readonly physicalLocation: {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
    readonly region: { readonly startLine: number };
  };
  /** Named places that are not files: the gate's construct path. */
  readonly logicalLocations?: { readonly fullyQualifiedName: string; readonly kind: string }[];
}

/** A suppression (§3.35): an acknowledgement. */
export interface SarifSuppression {
  /** Where the suppression is kept. */
  readonly kind: 'inSource' | 'external';
  /** Accepted: the acknowledgement is in force. */
  readonly status: 'accepted';
  /** The acknowledgement's reason. */
  readonly justification: string;
}

/** A result (§3.27): one finding. */
export interface SarifResult {
  /** The rule that found it. */
  readonly ruleId: string;
  /** The rule's index in `tool.driver.rules`. */
  readonly ruleIndex?: number;
  /** Its level. */
  readonly level: 'error' | 'warning' | 'note' | 'none';
  /** What is wrong, and the fix. */
  readonly message: SarifMessage;
  /** Where; code scanning drops results without one. */
  readonly locations: SarifLocation[];
  /** What identifies the finding across runs. */
  readonly partialFingerprints: Record<string, string>;
  /** Its acknowledgement, when one accepted it. */
  readonly suppressions?: SarifSuppression[];
  /** The finding's fields. */
  readonly properties?: Record<string, unknown>;
}
