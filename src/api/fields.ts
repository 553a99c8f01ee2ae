// Field schemas for a PHP backend that is loose about types. Two kinds of field, one rule each:
//   * identity and verdict fields (ids, barcodes, flags, deleted_at) are strict after coercing the
//     encodings PHP is known to use (numeric strings, 0/1): if one is unusable, our picture of the
//     answer is wrong and the whole answer is refused;
//   * display-only fields (names, seat, price, dates) degrade to null when absent or unreadable,
//     because a ticket with an odd seat name must still open the door.

import * as v from 'valibot';

const DIGITS = /^\d+$/;
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;

/** A positive integer id, sent as a number or a numeric string. */
export const idField = v.pipe(
  v.union(
    [v.number(), v.pipe(v.string(), v.trim(), v.regex(DIGITS))],
    'expected an id (number or numeric string)',
  ),
  v.transform(Number),
  v.safeInteger('expected an integer id'),
  v.minValue(0, 'expected a non-negative id'),
);

const TRUE_VALUES: readonly unknown[] = [true, 1, '1', 'true'];

/**
 * A boolean flag as PHP sends it (true/false, 0/1, "0"/"1"); `whenMissing` covers absent or null.
 * Built on `nullish` with a default so that an absent key reaches the transform at all.
 */
export const flagField = (whenMissing: boolean) =>
  v.pipe(
    v.nullish(
      v.union([v.boolean(), v.picklist([0, 1, '0', '1', 'true', 'false', ''])], 'expected a flag (true/false, 0/1)'),
      null,
    ),
    v.transform((x): boolean => (x === null ? whenMissing : TRUE_VALUES.includes(x))),
  );

/** A strict nullable string (e.g. deleted_at); absent means null. */
export const nullableStringField = v.nullish(v.string('expected a string or null'), null);

/** Display text: strings and numbers become text; absent, null, empty or odd values become null. */
export const displayText = v.fallback(
  v.pipe(
    v.nullish(v.union([v.string(), v.number()]), null),
    v.transform((x): string | null => {
      if (x === null) return null;
      const text = String(x).trim();
      return text === '' ? null : text;
    }),
  ),
  null,
);

/** A display number (price): numbers or numeric strings, else null. */
export const displayNumber = v.fallback(
  v.pipe(
    v.nullish(v.union([v.number(), v.pipe(v.string(), v.trim(), v.regex(NUMBER_TEXT))]), null),
    v.transform((x): number | null => (x === null ? null : Number(x))),
  ),
  null,
);

/** A count in paging: strict, since a wrong total would make us stop reading too early. */
export const countField = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.trim(), v.regex(DIGITS))], 'expected a count'),
  v.transform(Number),
  v.safeInteger('expected an integer count'),
  v.minValue(0, 'expected a non-negative count'),
);

/** First issue as "path: message", for a bad_response that a developer can act on. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'unexpected shape';
  const path = v.getDotPath(first);
  return path ? `${path}: ${first.message}` : first.message;
}
