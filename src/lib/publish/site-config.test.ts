import { describe, expect, it } from 'vitest';
import { mapHash, openingAddress, parseSiteConfig, shareableSearch, siteDatabaseName, siteDataPlan, siteIndexHtml, SITE_FORMAT, type SiteConfig } from './site-config';

const config = (patch: Partial<SiteConfig> = {}): SiteConfig => ({
  format: SITE_FORMAT,
  version: 1,
  publication: 'abc123',
  title: 'Map',
  createdAt: '2026-12-03T00:00:00.000Z',
  view: { search: '?from=2022-08-01&to=2022-09-30&lang=ar', hash: '#map=7/34.5/40.1', bounds: null },
  datasets: [{ id: 'bundled', hash: 'abc123:h1', name: 'Curated' }],
  data: { path: 'site/data.zip', bytes: 100 },
  ...patch,
});

describe('a published map configuration', () => {
  it('is read when sound, its view cleaned of what a published map never uses', () => {
    const text = JSON.stringify({ ...config(), view: { search: '?from=2022-08-01&style=https://evil.example/s.json&utm=x&lang=ar', hash: '#map=7/34.5/40.1&other=1', bounds: [38, 33, 42, 36] } });
    const parsed = parseSiteConfig(text);
    expect(parsed.view).toEqual({ search: '?from=2022-08-01&lang=ar', hash: '#map=7/34.5/40.1', bounds: [38, 33, 42, 36] });
  });

  it('names the file and the field that are wrong', () => {
    expect(() => parseSiteConfig('{', 'site/site.json')).toThrow(/^site\/site\.json: not valid JSON/);
    expect(() => parseSiteConfig(JSON.stringify({ ...config(), format: 'other' }))).toThrow(/site\/site\.json: format/);
    expect(() => parseSiteConfig(JSON.stringify({ ...config(), version: 2 }))).toThrow(/site\/site\.json: version/);
    expect(() => parseSiteConfig(JSON.stringify({ ...config(), data: { path: 'https://evil.example/data.zip', bytes: 1 } }))).toThrow(/site\/site\.json: data\.path/);
    expect(() => parseSiteConfig(JSON.stringify({ ...config(), publication: '../x' }))).toThrow(/publication/);
  });

  it('keeps only the parameters the app reads, never a style', () => {
    expect(shareableSearch('?lang=ar&style=https://tiles.example/style.json&embed=1&kind=attack-on-coalition')).toBe('?lang=ar&kind=attack-on-coalition');
    expect(shareableSearch('?kind=not-a-kind')).toBe('');
    expect(mapHash('#map=6.97/34.5/39.569')).toBe('#map=6.97/34.5/39.569');
    expect(mapHash('#x=<script>')).toBe('');
  });

  it('opens at the published view unless the reader’s link names one, keeping embed', () => {
    expect(openingAddress(config(), '', '')).toEqual({ search: '?from=2022-08-01&to=2022-09-30&lang=ar', hash: '#map=7/34.5/40.1', bounds: null });
    expect(openingAddress(config(), '?embed=1', '')).toEqual({ search: '?from=2022-08-01&to=2022-09-30&lang=ar&embed=1', hash: '#map=7/34.5/40.1', bounds: null });
    // A reader's link to a moment: theirs, whole.
    expect(openingAddress(config(), '?from=2023-10-17&lang=en', '#map=8/35/40')).toEqual({ search: '?from=2023-10-17&lang=en', hash: '#map=8/35/40', bounds: null });
    // The publisher's bounds are fitted to the reader's frame rather than a fixed zoom.
    const withBounds = config({ view: { ...config().view, bounds: [38, 33, 42, 36] } });
    expect(openingAddress(withBounds, '', '')).toEqual({ search: '?from=2022-08-01&to=2022-09-30&lang=ar', hash: '', bounds: [38, 33, 42, 36] });
  });

  it('has a database of its own per folder, apart from the app’s', () => {
    expect(siteDatabaseName('/maps/syria/')).toBe('syria-strikes-map@/maps/syria/');
    expect(siteDatabaseName('/maps/syria/index.html')).toBe('syria-strikes-map@/maps/syria/');
    expect(siteDatabaseName('/other/')).not.toBe(siteDatabaseName('/maps/syria/'));
  });

  it('loads the data when a dataset is missing or from another publication, and removes the ones it no longer has', () => {
    const wanted = config().datasets;
    expect(siteDataPlan([], wanted)).toEqual({ load: true, remove: [] });
    expect(siteDataPlan([{ id: 'bundled', hash: 'abc123:h1' }], wanted)).toEqual({ load: false, remove: [] });
    expect(siteDataPlan([{ id: 'bundled', hash: 'old:h1' }], wanted)).toEqual({ load: true, remove: [] });
    expect(siteDataPlan([{ id: 'bundled', hash: 'abc123:h1' }, { id: 'import-1', hash: 'old:x' }], wanted)).toEqual({ load: false, remove: ['import-1'] });
  });

  it('writes index.html byte for byte but for one <meta> tag in its head', () => {
    const html = '<!doctype html>\n<html>\n  <head>\n    <script>x()</script>\n  </head>\n  <body></body>\n</html>\n';
    const site = siteIndexHtml(html);
    expect(site).toContain('<meta name="strikes-map-site" content="site/site.json" />');
    expect(site.replace(/\s*<meta name="strikes-map-site"[^>]*>/, '')).toBe(html);
  });
});
