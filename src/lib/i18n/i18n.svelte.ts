/**
 * The interface language, switched at run time. `t` reads the current language, so
 * components that call it re-render when it changes. Dates and numbers go through Intl.
 */
import { en, type MessageKey } from './messages-en';
import { templateOf, type Message } from './plural';

export type Lang = 'en' | 'ar';
/** English ships with the page; Arabic is fetched the first time it is used. */
const dictionaries: Partial<Record<Lang, Record<MessageKey, Message>>> = { en };
const loading = new Map<Lang, Promise<void>>();

/** Fetches a language's strings (once); resolves when `t` can use them. */
export function loadLanguage(lang: Lang): Promise<void> {
  if (dictionaries[lang]) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    pending = import('./messages-ar').then(({ ar }) => void (dictionaries.ar = ar));
    loading.set(lang, pending);
  }
  return pending;
}

/** Switches the interface's language: at once when its strings are here, else once they are. */
export function useLanguage(lang: Lang): void {
  if (dictionaries[lang]) {
    locale.lang = lang;
    return;
  }
  void loadLanguage(lang).then(() => (locale.lang = lang));
}

class Locale {
  lang = $state<Lang>('en');
  dir = $derived<'ltr' | 'rtl'>(this.lang === 'ar' ? 'rtl' : 'ltr');
}
export const locale = new Locale();

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const dictionary = dictionaries[locale.lang];
  const lang = dictionary ? locale.lang : 'en';
  const template = templateOf((dictionary ?? en)[key], lang, params);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

// Creating an Intl formatter costs far more than using one: they are kept per language and options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function intlLocale(): string {
  return locale.lang === 'ar' ? 'ar-SY' : 'en-GB';
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const key = `${locale.lang}|${options ? JSON.stringify(options) : ''}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlLocale(), options)));
  return format.format(value);
}

/** A YYYY-MM-DD date as the locale writes it ("28 Jun 2021", "٢٨ حزيران ٢٠٢١"). */
export function formatDate(isoDate: string, style: 'short' | 'long' = 'short'): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  const key = `${locale.lang}|${style}`;
  let format = dateFormats.get(key);
  if (!format)
    dateFormats.set(
      key,
      (format = new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: style === 'long' ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' })),
    );
  return format.format(date);
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** The month of a UTC date as the locale writes it, with its year or not ("Jan 2023", "Mar"). */
export function formatMonth(date: Date, withYear: boolean): string {
  const key = `${locale.lang}|${withYear}`;
  let format = monthFormats.get(key);
  if (!format) monthFormats.set(key, (format = new Intl.DateTimeFormat(intlLocale(), { month: 'short', year: withYear ? 'numeric' : undefined, timeZone: 'UTC' })));
  return format.format(date);
}

const listFormats = new Map<string, Intl.ListFormat>();
/** Items joined as the locale lists them ("a, b and c", "أ وب وج"). */
export function formatList(items: string[]): string {
  let format = listFormats.get(locale.lang);
  if (!format) listFormats.set(locale.lang, (format = new Intl.ListFormat(intlLocale(), { type: 'unit' })));
  return format.format(items);
}

/** A message cut around one placeholder, so that its value can be set apart (in bold, as text): [before, after]. */
export function around(key: MessageKey, params: Record<string, string | number>, name: string): [string, string] {
  const text = t(key, { ...params, [name]: '\u0000' });
  const at = text.indexOf('\u0000');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

/** The name of a bilingual record in the current language. */
export function localName(name: { en: string; ar: string }): string {
  return locale.lang === 'ar' ? name.ar : name.en;
}
