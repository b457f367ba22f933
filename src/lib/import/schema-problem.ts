/**
 * What the app's schema (src/lib/data/schema.ts) found wrong with an imported record, as
 * a field, an English reason and a code the interface translates.
 */
import type { MessageParams, RejectCode, SchemaProblemCode } from './types';

/** A problem the schema found: where, why in English, and why as a code for the UI. */
export interface SchemaProblem {
  field: string;
  reason: string;
  code: RejectCode;
  params?: MessageParams;
}

/** The messages of the schema's own rules (src/lib/data/schema.ts), by code. */
const SCHEMA_MESSAGES: Record<string, SchemaProblemCode | 'bad-date-not-real'> = {
  'not a real calendar date': 'bad-date-not-real',
  'expected a date as YYYY-MM-DD': 'schema-date-format',
  'ids are lower-case letters, digits and hyphens': 'schema-id-format',
  'originCertainty is set exactly when originId is': 'schema-origin-certainty',
  'endDate is before date': 'schema-end-before-date',
  'count.min is above count.max': 'schema-count-order',
};

interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  values?: unknown[];
  keys?: string[];
}

/** A schema (zod) issue as field, English reason and code; `whole` names the record itself when the path is empty. */
export function schemaProblem(issue: SchemaIssue, whole = '(row)'): SchemaProblem {
  const field = issue.path.map(String).join('.') || whole;
  const reason = issue.message;
  const known = SCHEMA_MESSAGES[issue.message];
  if (known) return { field, reason, code: known };
  const limit = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : String(v));
  switch (issue.code) {
    case 'invalid_type':
      return { field, reason, code: 'schema-type' };
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? { field, reason, code: 'schema-empty' }
        : { field, reason, code: 'schema-too-small', params: { limit: limit(issue.minimum) } };
    case 'too_big':
      return { field, reason, code: 'schema-too-big', params: { limit: limit(issue.maximum) } };
    case 'invalid_format':
      return { field, reason, code: 'schema-format' };
    case 'invalid_value':
      return { field, reason, code: 'schema-value', params: { values: (issue.values ?? []).map(String).join(', ') } };
    case 'unrecognized_keys':
      return { field, reason, code: 'schema-keys', params: { keys: (issue.keys ?? []).join(', ') } };
    case 'custom':
      return { field, reason, code: 'schema-rule' };
    default:
      return { field, reason, code: 'schema-invalid' };
  }
}
