/**
 * The words an exported image or video carries, in the interface language of the moment.
 * The export takes them as an argument (lib/export never reads the language itself).
 */
import type { SceneTexts } from '../export/export-scene';
import { incidentKinds, statuses } from '../data/vocabulary';
import { isoDateOfDay } from '../timeline/incident-time';
import { formatDate, formatNumber, locale, t } from './i18n.svelte';
import { captionText, tallyText } from './story-texts';

export function sceneTexts(made = new Date()): SceneTexts {
  return {
    dir: locale.dir,
    noAttribution: t('export.noAttribution'),
    credit: (attribution) =>
      `${t('export.basemap', { attribution })} · ${t('app.shortTitle')} · ${t('export.made', { date: formatDate(made.toISOString().slice(0, 10)) })}`,
    kinds: Object.fromEntries(incidentKinds.map((k) => [k, t(`kind.${k}`)])) as SceneTexts['kinds'],
    statuses: Object.fromEntries(statuses.map((s) => [s, t(`status.${s}`)])) as SceneTexts['statuses'],
    legendTitle: t('legend.title'),
    kindsTitle: t('legend.kinds'),
    statusesTitle: t('legend.statuses'),
    impact: t('legend.impact'),
    north: t('export.north'),
    sourcesPrefix: t('export.sourcesPrefix'),
    uncertainty: t('export.uncertainty'),
    more: (count) => t('export.more', { count }),
    distance: (metres) =>
      metres >= 1000 ? t('export.km', { value: formatNumber(metres / 1000) }) : t('export.m', { value: formatNumber(metres) }),
    day: (day, style) => formatDate(isoDateOfDay(day), style),
    caption: captionText,
    tally: (tally) => `${t('story.tally.label')}: ${tallyText(tally)}`,
    captionsMore: (count) => t('story.more', { count }),
    sourcesTitle: t('export.endSources'),
  };
}
