// Renders a fixture report in a real browser (headless Chromium) and checks the screenshot is a real
// picture: the SVG must load as an image (well-formed, standalone) and draw a lot of different colours.
// Skipped where /usr/bin/chromium is missing (install: apt-get install -y chromium); CI installs it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderComparisonReport, renderRunReport } from '../reports/index.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`reports-browser: ${CHROMIUM} not found, skipping the browser test (apt-get install -y chromium)`);

const fixtures = fileURLToPath(new URL('./fixtures/reports/', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'raftsim-report-browser-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Screenshots `svgPath` with a fresh browser profile (no state shared between runs or tests). */
function screenshot(svgPath: string, pngPath: string, windowSize = '1600,1200'): void {
  const profile = mkdtempSync(join(workDir, 'profile-'));
  execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      `--screenshot=${pngPath}`,
      `--window-size=${windowSize}`,
      `file://${svgPath}`,
    ],
    { stdio: 'pipe', timeout: 60_000 },
  );
}

interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  pixels: Uint8Array;
}

/** Minimal PNG decoder for what Chromium writes: 8-bit RGB or RGBA, not interlaced. */
function decodePng(file: Buffer): Image {
  expect(file.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.subarray(offset + 4, offset + 8).toString('latin1');
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8], 'bit depth').toBe(8);
      colorType = data[9]!;
      expect([2, 6], 'colour type RGB or RGBA').toContain(colorType);
      expect(data[12], 'interlace').toBe(0);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rows[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height * 4);
  for (let k = 0; k < width * height; k++) {
    pixels[k * 4] = rows[k * channels]!;
    pixels[k * 4 + 1] = rows[k * channels + 1]!;
    pixels[k * 4 + 2] = rows[k * channels + 2]!;
    pixels[k * 4 + 3] = channels === 4 ? rows[k * channels + 3]! : 255;
  }
  return { width, height, pixels };
}

function colourStats(image: Image): { distinct: number; nonWhiteShare: number } {
  const colours = new Set<number>();
  let nonWhite = 0;
  const count = image.width * image.height;
  for (let k = 0; k < count; k++) {
    const r = image.pixels[k * 4]!;
    const g = image.pixels[k * 4 + 1]!;
    const b = image.pixels[k * 4 + 2]!;
    if (colours.size < 100_000) colours.add((r << 16) | (g << 8) | b);
    if (r < 245 || g < 245 || b < 245) nonWhite++;
  }
  return { distinct: colours.size, nonWhiteShare: nonWhite / count };
}

describe('run report in a browser', () => {
  it.skipIf(!haveChromium)(
    'renders as a picture with many colours in headless Chromium',
    () => {
      const svg = renderRunReport(readFileSync(`${fixtures}faults-3n.jsonl`, 'utf8').split('\n'));
      const svgPath = join(workDir, 'report.svg');
      const pngPath = join(workDir, 'report.png');
      writeFileSync(svgPath, svg);
      screenshot(svgPath, pngPath);
      expect(existsSync(pngPath)).toBe(true);
      expect(statSync(pngPath).size).toBeGreaterThan(10 * 1024);

      // Baseline: an empty SVG of the same size screenshots to an almost empty picture.
      const blankPath = join(workDir, 'blank.svg');
      const blankPngPath = join(workDir, 'blank.png');
      writeFileSync(blankPath, '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1500" height="1200"></svg>\n');
      screenshot(blankPath, blankPngPath);
      expect(statSync(pngPath).size).toBeGreaterThan(statSync(blankPngPath).size * 5);

      const image = decodePng(readFileSync(pngPath));
      expect(image).toMatchObject({ width: 1600, height: 1200 });
      const stats = colourStats(image);
      expect(stats.distinct, 'distinct colours (text anti-aliasing, role bands, arrows, charts)').toBeGreaterThan(200);
      expect(stats.nonWhiteShare, 'share of non-white pixels').toBeGreaterThan(0.1);
      const blank = colourStats(decodePng(readFileSync(blankPngPath)));
      expect(blank.distinct).toBeLessThan(5);
    },
    120_000,
  );

  it.skipIf(!haveChromium)(
    'renders a comparison report as a picture: both timelines and the paired charts draw',
    () => {
      const lines = (name: string): string[] => readFileSync(`${fixtures}${name}.jsonl`, 'utf8').split('\n');
      const svg = renderComparisonReport({ label: 'faults', lines: lines('faults-3n') }, { label: 'leader crash', lines: lines('crash-3n') });
      const svgPath = join(workDir, 'comparison.svg');
      const pngPath = join(workDir, 'comparison.png');
      writeFileSync(svgPath, svg);
      screenshot(svgPath, pngPath, '1600,2000');
      const image = decodePng(readFileSync(pngPath));
      expect(image).toMatchObject({ width: 1600, height: 2000 });
      const stats = colourStats(image);
      expect(stats.distinct, 'distinct colours').toBeGreaterThan(200);
      expect(stats.nonWhiteShare, 'share of non-white pixels').toBeGreaterThan(0.1);
      // Both runs' colours are on screen: the run tags and the headline bars (A blue, B magenta).
      const has = (r: number, g: number, b: number): boolean => {
        for (let k = 0; k < image.width * image.height; k++) {
          if (Math.abs(image.pixels[k * 4]! - r) < 8 && Math.abs(image.pixels[k * 4 + 1]! - g) < 8 && Math.abs(image.pixels[k * 4 + 2]! - b) < 8) return true;
        }
        return false;
      };
      expect(has(0x2f, 0x4f, 0xb5), 'run A colour').toBe(true);
      expect(has(0xb5, 0x24, 0x6e), 'run B colour').toBe(true);
      // The leader's green role band is drawn (both timelines have leaders).
      expect(has(0x4e, 0x9a, 0x47), 'leader band').toBe(true);
    },
    120_000,
  );
});
