import { describe, expect, it } from 'vitest';
import { dayNumber } from '../timeline/incident-time';
import { exportFileName, fitCamera, metresPerPixel, pixelSize, presetSize, roundLength, scaleBar } from './export-geometry';

describe('presetSize', () => {
  const screen = { width: 1008, height: 561.5 };
  it('multiplies the screen for the ×N sizes and lays out the fixed sizes at 1920×1080', () => {
    expect(presetSize('1x', screen)).toEqual({ cssWidth: 1008, cssHeight: 562, pixelRatio: 1 });
    expect(pixelSize(presetSize('2x', screen))).toEqual({ width: 2016, height: 1124 });
    expect(pixelSize(presetSize('4x', screen))).toEqual({ width: 4032, height: 2248 });
    expect(pixelSize(presetSize('1920x1080', screen))).toEqual({ width: 1920, height: 1080 });
    expect(presetSize('3840x2160', screen)).toEqual({ cssWidth: 1920, cssHeight: 1080, pixelRatio: 2 });
    expect(pixelSize(presetSize('3840x2160', screen))).toEqual({ width: 3840, height: 2160 });
  });
});

describe('fitCamera', () => {
  const screen = { width: 1000, height: 500, center: [40.4, 35.1] as [number, number], zoom: 9, bearing: 20, pitch: 10 };
  it('keeps the camera for the same size', () => {
    expect(fitCamera(screen, { cssWidth: 1000, cssHeight: 500 })).toEqual({ center: [40.4, 35.1], zoom: 9, bearing: 20, pitch: 10 });
  });
  it('fits the screen rectangle inside a larger or smaller frame', () => {
    // Twice as wide and high: one zoom level in.
    expect(fitCamera(screen, { cssWidth: 2000, cssHeight: 1000 }).zoom).toBeCloseTo(10);
    // Limited by the height: 1080/500.
    expect(fitCamera(screen, { cssWidth: 4000, cssHeight: 1080 }).zoom).toBeCloseTo(9 + Math.log2(1080 / 500));
    expect(fitCamera(screen, { cssWidth: 500, cssHeight: 500 }).zoom).toBeCloseTo(8);
  });
});

describe('scale bar', () => {
  it('knows the metres per pixel of Web Mercator', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.517, 2);
    expect(metresPerPixel(60, 1)).toBeCloseTo(78_271.517 / 4, 2);
  });
  it('picks round lengths', () => {
    expect(roundLength(123)).toBe(100);
    expect(roundLength(2_600)).toBe(2_000);
    expect(roundLength(7_300)).toBe(5_000);
    expect(roundLength(1)).toBe(1);
    expect(roundLength(0)).toBe(0);
  });
  it('is a round length no wider than the space, and at least half of it', () => {
    for (const zoom of [4, 6.3, 8, 9.5, 12])
      for (const lat of [0, 35.1, 60]) {
        const bar = scaleBar(lat, zoom, 120);
        expect(bar.width).toBeLessThanOrEqual(120 + 1e-9);
        expect(bar.width).toBeGreaterThan(120 * 0.4);
        expect(bar.width * metresPerPixel(lat, zoom)).toBeCloseTo(bar.metres, 6);
        expect(String(bar.metres)).toMatch(/^[125]0*$/);
      }
    // Deir ez-Zor at zoom 9.5: about 88 m a pixel, so 10 km (113 px) in 120 px.
    expect(scaleBar(35.1, 9.5, 120).metres).toBe(10_000);
  });
});

describe('exportFileName', () => {
  const range: [number, number] = [dayNumber('2022-08-01'), dayNumber('2022-09-30') + 1];
  it('carries the inclusive date range', () => {
    expect(exportFileName(range, 'png')).toBe('eastern-syria-strikes_2022-08-01_2022-09-30.png');
    expect(exportFileName(range, '.csv')).toBe('eastern-syria-strikes_2022-08-01_2022-09-30.csv');
  });
  it('adds the playhead when set, the end of the range counting as its last day', () => {
    expect(exportFileName(range, 'png', dayNumber('2022-08-24') + 0.8)).toBe('eastern-syria-strikes_2022-08-01_2022-09-30_at-2022-08-24.png');
    expect(exportFileName(range, 'png', range[1])).toBe('eastern-syria-strikes_2022-08-01_2022-09-30_at-2022-09-30.png');
  });
});
