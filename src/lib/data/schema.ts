/**
 * The one schema of the project's data: places, incidents, source articles and the
 * bundled dataset that ties them together. Used by the app when it seeds IndexedDB,
 * by the tests for the bundled data, and (later) by imports. Field meanings are
 * documented in data/FORMAT.md.
 */
import { z } from 'zod';
import { isIsoDate } from '../timeline/incident-time';
import { datePrecisions, incidentKinds, originCertainties, placeKinds, statuses, weapons } from './vocabulary';

// The page's Content-Security-Policy forbids eval: zod must not even try its compiled
// validators (the attempt itself is reported as a policy violation).
z.config({ jitless: true });

export { datePrecisions, incidentKinds, originCertainties, placeKinds, statuses, weapons } from './vocabulary';
export type { IncidentKind, Status, Weapon } from './vocabulary';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').refine(isIsoDate, 'not a real calendar date');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and hyphens');
const nonEmpty = z.string().trim().min(1);


export const placeSchema = z.object({
  id,
  name: z.object({ en: nonEmpty, ar: nonEmpty }),
  /** Other spellings, Latin or Arabic, used by search and imports to match names. */
  altNames: z.array(nonEmpty),
  kind: z.enum(placeKinds),
  /** A short English description: "US base in the al-Omar oil field". */
  description: z.string(),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** Radius in km within which the real place (or the reported site) is believed to lie. */
  uncertaintyKm: z.number().nonnegative(),
  /** True when the coordinate is an estimate from text, not a published coordinate. */
  estimated: z.boolean(),
  /** Where the coordinate came from. */
  coordSource: nonEmpty,
  /** A place inside another (Green Village inside the al-Omar field). */
  parentId: id.optional(),
  notes: z.string().optional(),
});
export type Place = z.infer<typeof placeSchema>;



/** One figure for the number of munitions and who gave it. */
const countFigure = z.object({ value: nonEmpty, by: nonEmpty });

export const incidentSourceSchema = z.object({
  /** id of an article in data/sources/, or absent for outside reporting. */
  sourceId: id.optional(),
  /** The outlet or body that reported it (Al-Araby Al-Jadeed, CJTF-OIR...). */
  outlet: nonEmpty,
  /** Publication date of the report when known. */
  date: isoDate.optional(),
  /** The original Arabic sentence(s), copied exactly from the article. */
  quoteAr: z.array(nonEmpty),
  /** English summary written for this project. */
  summaryEn: nonEmpty,
});
export type IncidentSource = z.infer<typeof incidentSourceSchema>;

export const incidentSchema = z
  .object({
    id,
    /** First (or only) day, local time. */
    date: isoDate,
    /** Last day when it spans a night or several days. */
    endDate: isoDate.optional(),
    datePrecision: z.enum(datePrecisions),
    /** How the date was found: "'last Saturday' in an article of Tue 13 Jul 2021". */
    dateBasis: nonEmpty,
    /** Local time as reported, free text ("19:44", "evening"). */
    timeLocal: z.string().optional(),
    kind: z.enum(incidentKinds),
    /** Where it was launched from; null when no origin is reported. */
    originId: id.nullable(),
    originCertainty: z.enum(originCertainties).nullable(),
    targetId: id,
    /**
     * Other places the sources tie to the incident that are neither its origin nor its
     * target (an overflight area, the base a compound belongs to, a disputed origin).
     * Never drawn as an arc.
     */
    relatedPlaceIds: z.array(id).optional(),
    weapon: z.enum(weapons),
    /** Weapon as reported: "122 mm rockets", "Grad rockets". */
    weaponDetail: z.string(),
    calibreMm: z.number().positive().optional(),
    /** Munition count as a range; null bounds when unknown. */
    count: z.object({ min: z.number().int().nonnegative().nullable(), max: z.number().int().nonnegative().nullable(), figures: z.array(countFigure) }),
    casualties: z.string(),
    damage: z.string(),
    actor: z.object({ name: nonEmpty, basis: z.enum(['claimed', 'attributed', 'official', 'unknown']) }),
    status: z.enum(statuses),
    title: z.object({ en: nonEmpty, ar: nonEmpty }),
    summaryEn: nonEmpty,
    sources: z.array(incidentSourceSchema).min(1),
    /** Where reports conflict: each account side by side. */
    conflicts: z.array(z.object({ about: nonEmpty, accounts: z.array(z.object({ by: nonEmpty, says: nonEmpty })).min(2) })),
    notes: z.string().optional(),
  })
  .superRefine((inc, ctx) => {
    if ((inc.originId === null) !== (inc.originCertainty === null))
      ctx.addIssue({ code: 'custom', path: ['originCertainty'], message: 'originCertainty is set exactly when originId is' });
    if (inc.endDate && inc.endDate < inc.date)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'endDate is before date' });
    const { min, max } = inc.count;
    if (min !== null && max !== null && min > max)
      ctx.addIssue({ code: 'custom', path: ['count'], message: 'count.min is above count.max' });
  });
export type Incident = z.infer<typeof incidentSchema>;

export const sourceArticleSchema = z.object({
  id,
  seedFile: nonEmpty,
  outlet: nonEmpty,
  /** Where the article was found, for the reader; never fetched by the app. */
  url: z.string().optional(),
  publicationDate: isoDate,
  dateCertainty: nonEmpty,
  dateBasis: nonEmpty,
  language: z.literal('ar'),
  title: z.object({ ar: nonEmpty, en: nonEmpty }),
  text: nonEmpty,
});
export type SourceArticle = z.infer<typeof sourceArticleSchema>;

export const bundledDatasetSchema = z.object({
  version: nonEmpty,
  places: z.array(placeSchema),
  incidents: z.array(incidentSchema),
  sources: z.array(sourceArticleSchema),
});
export type BundledDataset = z.infer<typeof bundledDatasetSchema>;
