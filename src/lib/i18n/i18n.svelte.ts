/**
 * The interface language, switched at run time. `t` reads the current language, so
 * components that call it re-render when it changes. Dates and numbers go through Intl.
 */
import { en, type MessageKey } from './messages-en';
import { templateOf, type Message } from './plural';

export type Lang = 'en' | 'ar';
/** The parts of the strings: the page's, and the import dialog's (loaded with the dialog). */
type Part = 'page' | 'import';
type Dictionary = Partial<Record<MessageKey, Message>>;

/** English page strings ship with the page; everything else is fetched the first time it is used. */
const dictionaries: Record<Lang, Dictionary> = { en: { ...en }, ar: {} };
const loads = new Map<string, Promise<void>>();
const loaded = new Set<string>(['en/page']);
const wantedParts = new Set<Part>(['page']);

function fetchPart(lang: Lang, part: Part): Promise<Record<string, Message>> {
  if (lang === 'ar') return part === 'page' ? import('./messages-ar').then((m) => m.ar) : import('./messages-import-ar').then((m) => m.importAr);
  return import('./messages-import').then((m) => m.importEn);
}

function loadPart(lang: Lang, part: Part): Promise<void> {
  const id = `${lang}/${part}`;
  if (loaded.has(id)) return Promise.resolve();
  let pending = loads.get(id);
  if (!pending) {
    pending = fetchPart(lang, part).then((messages) => {
      Object.assign(dictionaries[lang], messages);
      loaded.add(id);
      locale.revision++;
    });
    pending.catch(() => loads.delete(id));
    loads.set(id, pending);
  }
  return pending;
}

/** Fetches a language's strings (once, with every part already wanted); resolves when `t` can use them. */
export function loadLanguage(lang: Lang): Promise<void> {
  return Promise.all([...wantedParts].map((part) => loadPart(lang, part))).then(() => undefined);
}

/** Fetches the import dialog's strings, in English and in the language in use (once). */
export function loadImportMessages(): Promise<void> {
  wantedParts.add('import');
  const langs = new Set<Lang>(['en', locale.lang]);
  return Promise.all([...langs].map((lang) => loadPart(lang, 'import'))).then(() => undefined);
}

/** Switches the interface's language: at once when its strings are here, else once they are. */
export function useLanguage(lang: Lang): void {
  if ([...wantedParts].every((part) => loaded.has(`${lang}/${part}`))) {
    locale.lang = lang;
    return;
  }
  void loadLanguage(lang).then(() => (locale.lang = lang));
}

class Locale {
  lang = $state<Lang>('en');
  dir = $derived<'ltr' | 'rtl'>(this.lang === 'ar' ? 'rtl' : 'ltr');
  /** Counts the strings' loads, so that text drawn before a part arrived is drawn again. */
  revision = $state(0);
}
export const locale = new Locale();

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  void locale.revision;
  const message = dictionaries[locale.lang][key] ?? dictionaries.en[key];
  if (message === undefined) return key;
  const lang = dictionaries[locale.lang][key] !== undefined ? locale.lang : 'en';
  const template = templateOf(message, lang, params);
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
