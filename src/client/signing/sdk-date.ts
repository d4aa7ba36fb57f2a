/** Formats `date` as the `X-Sdk-Date` value: UTC, ISO 8601 basic, `YYYYMMDDTHHmmssZ`. */
export function formatSdkDate(date: Date): string {
  return `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/** Parses an `X-Sdk-Date` value; `undefined` when it is not `YYYYMMDDTHHmmssZ`. */
export function parseSdkDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  // Date.UTC rolls a 13th month or a 61st second over; a real date formats back to itself
  return formatSdkDate(date) === value ? date : undefined;
}
