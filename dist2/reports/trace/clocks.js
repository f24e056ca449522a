import { formatMs } from './text.js';
export function onClock(b, r) {
    b.addNode(r.node);
    const offsetUs = r.offsetUs;
    const sign = offsetUs > 0 ? '+' : offsetUs < 0 ? '−' : '±';
    const label = `${sign}${formatMs(Math.abs(offsetUs))}`;
    b.push(b.marks, { node: r.node, tUs: r.t, kind: 'clock', label, detail: `${r.change}: local clock now ${label} from true time, drift ${r.driftPpm} ppm` }, 'marks');
}
//# sourceMappingURL=clocks.js.map