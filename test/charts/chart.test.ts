import { describe, expect, it } from 'vitest';
import { chartSvg, renderChartPng } from '../../src/charts/chart';
import { pngSize } from '../support/png';

const spec = {
  bars: {
    title: 'Prontidão <por> domínio',
    passMark: 700,
    bars: [
      { label: '1. Fundamentos', value: 640 },
      { label: '2. IA generativa', value: 810 },
      { label: '3. Sem dados', value: null },
    ],
  },
  weeks: {
    title: 'Acerto',
    weeks: [
      { label: '01/11', share: 0.5 },
      { label: '08/11', share: null },
    ],
  },
};

describe('charts', () => {
  it('draws bars against the pass line, red below and green above, with the values written out', () => {
    const svg = chartSvg(spec);
    expect(svg).toContain('Prontidão &lt;por&gt; domínio');
    expect(svg).toContain('fill="#b91c1c"'); // 640 < 700
    expect(svg).toContain('fill="#15803d"'); // 810 ≥ 700
    expect(svg).toContain('>640<');
    expect(svg).toContain('>810<');
    expect(svg).toContain('>—<');
    expect(svg).toContain('>700<');
    expect(svg).toContain('>50%<');
  });

  it('renders a real PNG 800 px wide', () => {
    const png = renderChartPng(spec);
    const size = pngSize(png);
    expect(size?.width).toBe(800);
    expect(size!.height).toBeGreaterThan(400);
    expect(pngSize(Buffer.from('not a png at all, not at all'))).toBeNull();
  });
});
