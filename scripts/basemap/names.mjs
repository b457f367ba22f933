// basemap/names.mjs: the basemap's name tables in English and Arabic (countries, seas, rivers,
// lakes, orientation cities), for scripts/build-basemap.mjs.

/** Natural Earth admin-0 name (as in world-atlas) -> ISO code and names. */
export const COUNTRIES = {
  Syria: { iso: 'SYR', en: 'Syria', ar: 'سوريا' },
  Iraq: { iso: 'IRQ', en: 'Iraq', ar: 'العراق' },
  Turkey: { iso: 'TUR', en: 'Turkey', ar: 'تركيا' },
  Jordan: { iso: 'JOR', en: 'Jordan', ar: 'الأردن' },
  Lebanon: { iso: 'LBN', en: 'Lebanon', ar: 'لبنان' },
  Israel: { iso: 'ISR', en: 'Israel', ar: 'إسرائيل' },
  Palestine: { iso: 'PSE', en: 'Palestine', ar: 'فلسطين' },
  'Saudi Arabia': { iso: 'SAU', en: 'Saudi Arabia', ar: 'السعودية' },
  Iran: { iso: 'IRN', en: 'Iran', ar: 'إيران' },
  Kuwait: { iso: 'KWT', en: 'Kuwait', ar: 'الكويت' },
  Egypt: { iso: 'EGY', en: 'Egypt', ar: 'مصر' },
  Cyprus: { iso: 'CYP', en: 'Cyprus', ar: 'قبرص' },
  'N. Cyprus': { iso: 'CYP', en: 'Cyprus', ar: 'قبرص' },
  'Cyprus U.N. Buffer Zone': { iso: 'CYP', en: 'Cyprus', ar: 'قبرص' },
  Akrotiri: { iso: 'CYP', en: 'Cyprus', ar: 'قبرص' },
  Dhekelia: { iso: 'CYP', en: 'Cyprus', ar: 'قبرص' },
  Armenia: { iso: 'ARM', en: 'Armenia', ar: 'أرمينيا' },
  Azerbaijan: { iso: 'AZE', en: 'Azerbaijan', ar: 'أذربيجان' },
  Georgia: { iso: 'GEO', en: 'Georgia', ar: 'جورجيا' },
  Greece: { iso: 'GRC', en: 'Greece', ar: 'اليونان' },
  Turkmenistan: { iso: 'TKM', en: 'Turkmenistan', ar: 'تركمانستان' },
  Russia: { iso: 'RUS', en: 'Russia', ar: 'روسيا' },
  Kazakhstan: { iso: 'KAZ', en: 'Kazakhstan', ar: 'كازاخستان' },
  Bulgaria: { iso: 'BGR', en: 'Bulgaria', ar: 'بلغاريا' },
  Romania: { iso: 'ROU', en: 'Romania', ar: 'رومانيا' },
  Serbia: { iso: 'SRB', en: 'Serbia', ar: 'صربيا' },
  Macedonia: { iso: 'MKD', en: 'North Macedonia', ar: 'مقدونيا الشمالية' },
  'North Macedonia': { iso: 'MKD', en: 'North Macedonia', ar: 'مقدونيا الشمالية' },
  Kosovo: { iso: 'XKX', en: 'Kosovo', ar: 'كوسوفو' },
  Albania: { iso: 'ALB', en: 'Albania', ar: 'ألبانيا' },
  Libya: { iso: 'LBY', en: 'Libya', ar: 'ليبيا' },
  Sudan: { iso: 'SDN', en: 'Sudan', ar: 'السودان' },
  Qatar: { iso: 'QAT', en: 'Qatar', ar: 'قطر' },
  Bahrain: { iso: 'BHR', en: 'Bahrain', ar: 'البحرين' },
  'United Arab Emirates': { iso: 'ARE', en: 'United Arab Emirates', ar: 'الإمارات' },
  Oman: { iso: 'OMN', en: 'Oman', ar: 'عُمان' },
  Uzbekistan: { iso: 'UZB', en: 'Uzbekistan', ar: 'أوزبكستان' },
  Afghanistan: { iso: 'AFG', en: 'Afghanistan', ar: 'أفغانستان' },
  Ukraine: { iso: 'UKR', en: 'Ukraine', ar: 'أوكرانيا' },
  Moldova: { iso: 'MDA', en: 'Moldova', ar: 'مولدوفا' },
};

/** Country label points, placed by hand where the label does not cover the places of interest. */
export const COUNTRY_LABELS = [
  { iso: 'SYR', lon: 37.55, lat: 35.55, rank: 1 },
  { iso: 'IRQ', lon: 42.35, lat: 32.75, rank: 1 },
  { iso: 'TUR', lon: 36.6, lat: 38.35, rank: 1 },
  { iso: 'JOR', lon: 36.9, lat: 31.25, rank: 1 },
  { iso: 'SAU', lon: 40.6, lat: 30.2, rank: 1 },
  { iso: 'IRN', lon: 47.3, lat: 34.3, rank: 1 },
  { iso: 'LBN', lon: 35.9, lat: 34.05, rank: 2 },
  { iso: 'ISR', lon: 34.85, lat: 30.75, rank: 2 },
  { iso: 'PSE', lon: 35.28, lat: 31.95, rank: 3 },
  { iso: 'CYP', lon: 33.2, lat: 35.05, rank: 2 },
  { iso: 'EGY', lon: 30.6, lat: 28.4, rank: 1 },
  { iso: 'KWT', lon: 47.6, lat: 29.4, rank: 2 },
  { iso: 'ARM', lon: 44.95, lat: 40.3, rank: 2 },
  { iso: 'AZE', lon: 47.8, lat: 40.4, rank: 2 },
];

export const SEA_LABELS = [
  { en: 'Mediterranean Sea', ar: 'البحر الأبيض المتوسط', lon: 32.6, lat: 33.7 },
  { en: 'Caspian Sea', ar: 'بحر قزوين', lon: 50.6, lat: 40.3 },
];

/** Rivers, recognised by towns on their banks (a river line is named if it passes within
 * RIVER_MATCH_DEG of one of these). Coordinates approximate. */
export const RIVERS = [
  {
    id: 'euphrates',
    en: 'Euphrates',
    ar: 'الفرات',
    rank: 1,
    towns: [
      [38.01, 36.82], // Jarablus
      [38.55, 35.87], // Tabqa dam
      [39.01, 35.95], // Raqqa
      [40.14, 35.33], // Deir ez-Zor
      [40.45, 35.02], // al-Mayadin
      [40.92, 34.45], // Abu Kamal
      [41.98, 34.37], // Anah
      [42.37, 34.13], // Haditha
      [43.3, 33.43], // Ramadi
      [43.78, 33.35], // Fallujah
    ],
  },
  {
    id: 'tigris',
    en: 'Tigris',
    ar: 'دجلة',
    rank: 1,
    towns: [
      [40.23, 37.91], // Diyarbakir
      [42.19, 37.33], // Cizre
      [43.13, 36.34], // Mosul
      [43.68, 34.61], // Tikrit
      [44.38, 33.32], // Baghdad
    ],
  },
  {
    id: 'jordan',
    en: 'Jordan River',
    ar: 'نهر الأردن',
    rank: 2,
    towns: [
      [35.57, 32.3],
      [35.55, 31.85],
      [35.6, 33.1],
    ],
  },
];
export const RIVER_MATCH_DEG = 0.15;

/** Natural Earth 1:50m has no Khabur: traced by hand through towns on its banks, upstream to
 * downstream. Approximate (a few km), for orientation only. The last point is snapped onto the
 * Euphrates line at build time so the two rivers meet. */
export const KHABUR = {
  id: 'khabur',
  en: 'Khabur',
  ar: 'الخابور',
  rank: 2,
  line: [
    [40.05, 36.84], // Ras al-Ain (springs)
    [40.2, 36.74],
    [40.37, 36.65], // Tell Tamer
    [40.57, 36.56],
    [40.75, 36.49], // al-Hasakah
    [40.74, 36.25],
    [40.73, 36.06], // al-Shaddadi
    [40.78, 35.73], // Markada
    [40.64, 35.5], // al-Suwar
    [40.52, 35.3],
    [40.43, 35.16], // al-Busayrah (confluence with the Euphrates)
  ],
};

/** Lakes, recognised by a point inside them. */
export const LAKES = [
  { en: 'Lake Tharthar', ar: 'بحيرة الثرثار', lon: 43.3, lat: 34.0 },
  { en: 'Lake Razazah', ar: 'بحيرة الرزازة', lon: 43.65, lat: 32.8 },
  { en: 'Dead Sea', ar: 'البحر الميت', lon: 35.5, lat: 31.5 },
  { en: 'Sea of Galilee', ar: 'بحيرة طبريا', lon: 35.59, lat: 32.82 },
  { en: 'Lake Van', ar: 'بحيرة وان', lon: 42.9, lat: 38.6 },
  { en: 'Lake Urmia', ar: 'بحيرة أرومية', lon: 45.5, lat: 37.7 },
  { en: 'Lake Tuz', ar: 'بحيرة توز', lon: 33.4, lat: 38.8 },
];

/**
 * Orientation cities. COORDINATES ARE APPROXIMATE (to about a kilometre) AND FOR ORIENTATION ONLY:
 * they place a familiar name on the map; they are not sources for any incident location.
 * rank 1: capitals and the largest cities; 2: regional centres; 3: towns shown from zoom 6.5.
 */
export const CITIES = [
  // Syria
  { en: 'Damascus', ar: 'دمشق', lon: 36.291, lat: 33.513, rank: 1, capital: true },
  { en: 'Aleppo', ar: 'حلب', lon: 37.161, lat: 36.202, rank: 1 },
  { en: 'Homs', ar: 'حمص', lon: 36.714, lat: 34.732, rank: 2 },
  { en: 'Hama', ar: 'حماة', lon: 36.75, lat: 35.132, rank: 2 },
  { en: 'Latakia', ar: 'اللاذقية', lon: 35.783, lat: 35.517, rank: 2 },
  { en: 'Raqqa', ar: 'الرقة', lon: 39.009, lat: 35.953, rank: 2 },
  { en: 'Deir ez-Zor', ar: 'دير الزور', lon: 40.141, lat: 35.336, rank: 2 },
  { en: 'Al-Hasakah', ar: 'الحسكة', lon: 40.748, lat: 36.502, rank: 2 },
  { en: 'Qamishli', ar: 'القامشلي', lon: 41.226, lat: 37.052, rank: 2 },
  { en: 'Palmyra', ar: 'تدمر', lon: 38.268, lat: 34.551, rank: 2 },
  { en: 'Idlib', ar: 'إدلب', lon: 36.633, lat: 35.931, rank: 3 },
  { en: 'Daraa', ar: 'درعا', lon: 36.102, lat: 32.625, rank: 3 },
  { en: 'As-Suwayda', ar: 'السويداء', lon: 36.567, lat: 32.709, rank: 3 },
  { en: 'Manbij', ar: 'منبج', lon: 37.953, lat: 36.528, rank: 3 },
  { en: 'Tabqa', ar: 'الطبقة', lon: 38.548, lat: 35.836, rank: 3 },
  { en: 'Kobani', ar: 'عين العرب', lon: 38.357, lat: 36.891, rank: 3 },
  { en: 'Abu Kamal', ar: 'البوكمال', lon: 40.918, lat: 34.452, rank: 3 },
  // Iraq
  { en: 'Baghdad', ar: 'بغداد', lon: 44.366, lat: 33.315, rank: 1, capital: true },
  { en: 'Mosul', ar: 'الموصل', lon: 43.13, lat: 36.34, rank: 1 },
  { en: 'Erbil', ar: 'أربيل', lon: 44.009, lat: 36.191, rank: 2 },
  { en: 'Kirkuk', ar: 'كركوك', lon: 44.392, lat: 35.468, rank: 2 },
  { en: 'Ramadi', ar: 'الرمادي', lon: 43.301, lat: 33.426, rank: 2 },
  { en: 'Tikrit', ar: 'تكريت', lon: 43.679, lat: 34.607, rank: 3 },
  { en: 'Fallujah', ar: 'الفلوجة', lon: 43.779, lat: 33.35, rank: 3 },
  { en: 'Haditha', ar: 'حديثة', lon: 42.378, lat: 34.139, rank: 3 },
  { en: "Al-Qa'im", ar: 'القائم', lon: 41.07, lat: 34.37, rank: 3 },
  { en: 'Rutba', ar: 'الرطبة', lon: 40.284, lat: 33.038, rank: 3 },
  { en: 'Sinjar', ar: 'سنجار', lon: 41.868, lat: 36.322, rank: 3 },
  { en: 'Duhok', ar: 'دهوك', lon: 42.993, lat: 36.867, rank: 3 },
  { en: 'Karbala', ar: 'كربلاء', lon: 44.024, lat: 32.616, rank: 3 },
  { en: 'Najaf', ar: 'النجف', lon: 44.336, lat: 32.0, rank: 3 },
  // Neighbours
  { en: 'Amman', ar: 'عمّان', lon: 35.911, lat: 31.954, rank: 1, capital: true },
  { en: 'Beirut', ar: 'بيروت', lon: 35.502, lat: 33.894, rank: 1, capital: true },
  { en: 'Gaziantep', ar: 'غازي عنتاب', lon: 37.383, lat: 37.066, rank: 3 },
  { en: 'Şanlıurfa', ar: 'أورفة', lon: 38.797, lat: 37.159, rank: 3 },
];
