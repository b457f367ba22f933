import { describe, expect, it } from 'vitest';
import { embedAddress, embedSnippet, fullMapAddress, isEmbedded } from './embed';

describe('embed mode', () => {
  it('is asked for with embed=1, and is a published map’s default in a frame unless embed=0', () => {
    expect(isEmbedded('?embed=1', false, false)).toBe(true);
    expect(isEmbedded('', false, true)).toBe(false);
    expect(isEmbedded('', true, true)).toBe(true);
    expect(isEmbedded('', true, false)).toBe(false);
    expect(isEmbedded('?embed=0', true, true)).toBe(false);
  });

  it('links to the full map with the same view', () => {
    expect(fullMapAddress('https://news.example/map/?from=2022-08-01&embed=1#map=7/34/40')).toBe('https://news.example/map/?from=2022-08-01&embed=0#map=7/34/40');
  });

  it('gives an iframe with the address, the size and a title for screen readers, escaped', () => {
    const snippet = embedSnippet({ address: 'https://news.example/maps/syria', width: '100%', height: 480, title: 'Strikes "2024" <map>' });
    expect(snippet).toBe(
      '<iframe src="https://news.example/maps/syria/?embed=1" title="Strikes &quot;2024&quot; &lt;map&gt;" width="100%" height="480" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
    expect(embedSnippet({ address: 'https://news.example/m/index.html', width: '640px', height: 100, title: 'x' })).toContain('src="https://news.example/m/index.html?embed=1" title="x" width="640" height="240"');
  });

  it('refuses an address that is not http or https', () => {
    expect(embedAddress('javascript:alert(1)')).toBeNull();
    expect(embedAddress('not an address')).toBeNull();
    expect(embedSnippet({ address: 'data:text/html,x', width: '100%', height: 400, title: 'x' })).toBeNull();
  });
});
