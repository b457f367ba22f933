/**
 * Counted nouns in both languages. English has two forms (1 incident, 2 incidents); Arabic
 * has six (لا حوادث، حادثة واحدة، حادثتان، ٣ حوادث، ١١ حادثة، ١٠٠ حادثة), chosen by the
 * CLDR rules that Intl.PluralRules implements. A message that counts something names its
 * forms; the interface picks one by the count it is given.
 */
export type PluralCategory = Intl.LDMLPluralRule;

export interface PluralMessage {
  /** The parameter whose value picks the form (usually `count`). */
  by: string;
  forms: Partial<Record<PluralCategory, string>> & { other: string };
}

export type Message = string | PluralMessage;

/** A message whose form follows the number in parameter `by`. */
export function plural(forms: PluralMessage['forms'], by = 'count'): PluralMessage {
  return { by, forms };
}

const rules = new Map<string, Intl.PluralRules>();

/** The categories a language's counts fall into (Arabic: all six). */
export function pluralCategories(lang: string): PluralCategory[] {
  return pluralRules(lang).resolvedOptions().pluralCategories;
}

function pluralRules(lang: string): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

/** The template of a message for these parameters, in this language. */
export function templateOf(message: Message, lang: string, params: Record<string, string | number>): string {
  if (typeof message === 'string') return message;
  const n = Number(params[message.by]);
  const category = Number.isFinite(n) ? pluralRules(lang).select(n) : 'other';
  return message.forms[category] ?? message.forms.other;
}

/** Every template of a message (all its forms), for checks over the dictionaries. */
export function templatesOf(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message.forms);
}
