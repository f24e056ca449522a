// The frame every experiment figure shares (the Figure 16 CDFs, the incident's timeline): a background, a title
// and subtitle, the panels stacked from y = 56, the notes below them, and a height that fits.
import { D3Node, type Selection } from 'd3-node';
import { cleanText } from './format.js';
import { appendText } from './svg.js';

/** `drawPanels(d3, root, y)` draws every panel from `y` down and returns the y below the last one. */
export function renderExperimentFigure(
  frame: { readonly widthPx: number; readonly style: string; readonly title: string; readonly subtitle: string; readonly notes: readonly string[] },
  drawPanels: (d3: D3Node['d3'], root: Selection, y: number) => number,
): string {
  const d3n = new D3Node();
  const svg = d3n.createSVG(frame.widthPx, 100).attr('version', '1.1');
  svg.append('style').text(frame.style);
  const background = svg.append('rect').attr('class', 'bg').attr('width', frame.widthPx).attr('height', 100);
  const root = svg.append('g');
  appendText(root, 16, 26, frame.title, 'h1');
  appendText(root, 16, 44, frame.subtitle, 'note');
  let y = drawPanels(d3n.d3, root, 56);
  for (const note of frame.notes) {
    appendText(root, 16, y + 4, cleanText(note, 300), 'note');
    y += 15;
  }
  const heightPx = Math.ceil(y + 12);
  svg.attr('height', heightPx).attr('viewBox', `0 0 ${frame.widthPx} ${heightPx}`);
  background.attr('height', heightPx);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${d3n.svgString()}\n`;
}
