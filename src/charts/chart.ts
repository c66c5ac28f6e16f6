import { createRequire } from 'node:module';
import type * as ResvgModule from '@resvg/resvg-js';

/**
 * The renderer (a native addon, ~7 MiB resident once loaded) loads on the first chart, not at start-up:
 * most processes of the bot never draw one. `require` keeps renderChartPng synchronous.
 */
let resvg: typeof ResvgModule | undefined;
const renderer = () => (resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof ResvgModule);

/**
 * Charts as PNG attachments: an SVG built here, rendered by resvg (@resvg/resvg-js). Sized for a phone
 * (800 px wide, large type, high contrast, values written on the bars), and always sent with the same
 * figures as text in the message, for screen readers.
 */
export const CHART_WIDTH = 800;

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Bar {
  label: string;
  /** On the 100–1000 scale; null draws an empty bar marked "—". */
  value: number | null;
}

/** Horizontal bars on the 100–1000 scale with the pass line; returns the SVG group and its height. */
function barsPanel(
  title: string,
  bars: readonly Bar[],
  passMark: number,
  top: number,
): { svg: string; height: number } {
  const left = 24;
  const right = CHART_WIDTH - 90;
  const x = (v: number) => left + ((Math.min(1000, Math.max(100, v)) - 100) / 900) * (right - left);
  const rowH = 76;
  const parts = [
    `<text x="24" y="${top + 34}" font-size="28" font-weight="bold" fill="#111">${escape(title)}</text>`,
  ];
  bars.forEach((bar, i) => {
    const y = top + 60 + i * rowH;
    parts.push(`<text x="24" y="${y + 20}" font-size="22" fill="#111">${escape(bar.label)}</text>`);
    parts.push(`<rect x="${left}" y="${y + 30}" width="${right - left}" height="34" fill="#e5e7eb"/>`);
    if (bar.value !== null) {
      const pass = bar.value >= passMark;
      parts.push(
        `<rect x="${left}" y="${y + 30}" width="${x(bar.value) - left}" height="34" fill="${pass ? '#15803d' : '#b91c1c'}"/>`,
      );
    }
    parts.push(
      `<text x="${right + 10}" y="${y + 55}" font-size="22" font-weight="bold" fill="#111">${bar.value === null ? '—' : Math.round(bar.value)}</text>`,
    );
  });
  const bottom = top + 60 + bars.length * rowH;
  parts.push(
    `<line x1="${x(passMark)}" y1="${top + 80}" x2="${x(passMark)}" y2="${bottom}" stroke="#111" stroke-width="3" stroke-dasharray="8 6"/>`,
    `<text x="${x(passMark)}" y="${bottom + 26}" font-size="20" text-anchor="middle" fill="#111">${passMark}</text>`,
  );
  return { svg: parts.join(''), height: bottom + 40 - top };
}

/** Accuracy per week as columns (0–100%), oldest left; weeks without answers are marked "—". */
function weeksPanel(
  title: string,
  weeks: readonly { label: string; share: number | null }[],
  top: number,
): { svg: string; height: number } {
  const left = 60;
  const right = CHART_WIDTH - 24;
  const chartTop = top + 60;
  const chartH = 200;
  const slot = (right - left) / Math.max(1, weeks.length);
  const parts = [
    `<text x="24" y="${top + 34}" font-size="28" font-weight="bold" fill="#111">${escape(title)}</text>`,
    `<line x1="${left}" y1="${chartTop + chartH}" x2="${right}" y2="${chartTop + chartH}" stroke="#111" stroke-width="2"/>`,
  ];
  weeks.forEach((w, i) => {
    const cx = left + slot * i + slot / 2;
    if (w.share !== null) {
      const h = Math.max(2, w.share * chartH);
      parts.push(
        `<rect x="${cx - slot * 0.35}" y="${chartTop + chartH - h}" width="${slot * 0.7}" height="${h}" fill="#1d4ed8"/>`,
        `<text x="${cx}" y="${chartTop + chartH - h - 8}" font-size="20" font-weight="bold" text-anchor="middle" fill="#111">${Math.round(w.share * 100)}%</text>`,
      );
    } else {
      parts.push(
        `<text x="${cx}" y="${chartTop + chartH - 8}" font-size="20" text-anchor="middle" fill="#555">—</text>`,
      );
    }
    parts.push(
      `<text x="${cx}" y="${chartTop + chartH + 28}" font-size="18" text-anchor="middle" fill="#111">${escape(w.label)}</text>`,
    );
  });
  return { svg: parts.join(''), height: chartH + 110 };
}

export interface ChartSpec {
  bars?: { title: string; bars: readonly Bar[]; passMark: number };
  weeks?: { title: string; weeks: readonly { label: string; share: number | null }[] };
}

export function chartSvg(spec: ChartSpec): string {
  const panels: string[] = [];
  let height = 0;
  if (spec.bars) {
    const p = barsPanel(spec.bars.title, spec.bars.bars, spec.bars.passMark, height);
    panels.push(p.svg);
    height += p.height;
  }
  if (spec.weeks) {
    const p = weeksPanel(spec.weeks.title, spec.weeks.weeks, height);
    panels.push(p.svg);
    height += p.height;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${FONT}"><rect width="100%" height="100%" fill="#ffffff"/>${panels.join('')}</svg>`;
}

/** The chart as PNG bytes. */
export function renderChartPng(spec: ChartSpec): Buffer {
  const { Resvg } = renderer();
  const image = new Resvg(chartSvg(spec), {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return image.render().asPng();
}
