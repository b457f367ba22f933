/**
 * Story captions and the running tally in the interface language (see lib/story/).
 */
import type { StoredIncident } from '../data/db';
import { shorten, type CaptionLine, type CaptionText } from '../story/caption-text';
import type { Tally } from '../story/story-captions';
import { formatDate, formatList, locale, t } from './i18n.svelte';

/** Characters of quote and of summary a caption shows. */
const QUOTE_CHARS = 140;

export function captionText(incident: StoredIncident): CaptionText {
  const source = incident.sources.find((s) => s.quoteAr.length > 0) ?? incident.sources[0]!;
  const date = `${formatDate(incident.date)}${incident.datePrecision === 'exact' ? '' : ' ≈'}`;
  const arabic: CaptionLine | null = source.quoteAr.length ? { text: `«${shorten(source.quoteAr.join(' '), QUOTE_CHARS)}»`, lang: 'ar' } : null;
  const english: CaptionLine = { text: shorten(source.summaryEn, QUOTE_CHARS), lang: 'en' };
  const lines = (locale.lang === 'ar' ? [arabic, english] : [english, arabic]).filter((l): l is CaptionLine => l !== null);
  return {
    id: incident.id,
    kind: incident.kind,
    status: incident.status,
    heading: `${date} · ${t(`status.${incident.status}`)}`,
    title: locale.lang === 'ar' ? incident.title.ar : incident.title.en,
    source: source.date ? t('story.sourceDated', { outlet: source.outlet, date: formatDate(source.date) }) : source.outlet,
    lines,
  };
}

/** "6 attacks on bases and 3 strikes in return (2 of them claimed, disputed or denied)". */
export function tallyText(tally: Tally): string {
  const parts = formatList([t('story.tally.attacks', { count: tally.attacks }), t('story.tally.strikes', { count: tally.strikes })]);
  return tally.uncertain > 0 ? `${parts} ${t('story.tally.uncertain', { count: tally.uncertain })}` : parts;
}
