/**
 * Destinations a DIS transfer task can dump to. `CLOUDTABLE` appears only in older documents
 * and SDKs; the 2025 documents list `OBS` alone. Unknown values pass through as strings.
 */
export enum DestinationType {
  /** Object Storage Service. */
  OBS = 'OBS',
  /** MapReduce Service. */
  MRS = 'MRS',
  /** Data Lake Insight. */
  DLI = 'DLI',
  /** Data Warehouse Service. */
  DWS = 'DWS',
  /** CloudTable (older documents only). */
  CLOUDTABLE = 'CLOUDTABLE',
}

/** True when `value` is one of the documented {@link DestinationType} values. */
export function isKnownDestinationType(value: string): value is DestinationType {
  return (Object.values(DestinationType) as string[]).includes(value);
}
