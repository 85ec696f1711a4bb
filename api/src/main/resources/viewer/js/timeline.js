// Timeline lanes drawn to scale on canvases, one lane per event family (shot, slide, person, ...), one row
// per event type within a lane, plus the engagement curve; a playhead over all of them. Clicking a lane
// seeks to the event under the pointer (or to the time clicked when there is none).

const ORDER = ['shot', 'slide', 'person', 'face', 'object', 'motion', 'speech', 'engagement'];
const LABELS = { shot: 'Shots', slide: 'Slides', person: 'People', face: 'Faces', object: 'Objects',
  motion: 'Motion', speech: 'Speech', engagement: 'Engagement' };
const COLOURS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#dc2626'];
const ROW = 14;
const CURVE_HEIGHT = 48;
/** How near (CSS pixels) a click must be to an instant to pick it. */
const PICK = 5;

/** The lane an event type belongs to: its family, the part before the first dot. */
export const laneOf = (type) => type.split('.')[0];

/** Lane keys in display order: the known families first, then any others by name. */
export function laneOrder(keys) {
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export const laneLabel = (key) => LABELS[key] || key.charAt(0).toUpperCase() + key.slice(1);

const rank = (key) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);

export class Timeline {
  /** @param onSeek called with a time in ms when a lane is clicked */
  constructor(container, onSeek) {
    this.container = container;
    this.onSeek = onSeek;
    this.lanes = [];
    this.hidden = new Set();
    this.durationMs = 1;
    this.timeMs = 0;
    new ResizeObserver(() => this.draw()).observe(container);
  }

  /**
   * @param durationMs the media length
   * @param lanes [{key, events}] or [{key, curve: [{startMs, endMs, value}]}]; `labels` maps event ids to a short text
   */
  render(durationMs, lanes, labels = new Map()) {
    this.durationMs = Math.max(1, durationMs);
    this.labels = labels;
    this.container.replaceChildren();
    this.ruler = this.buildRuler();
    this.lanes = lanes.map((lane) => this.buildLane(lane));
    this.playhead = el('div', 'tl-playhead');
    this.playhead.setAttribute('aria-hidden', 'true');
    this.container.append(this.playhead);
    this.draw();
  }

  setHidden(hidden) {
    this.hidden = hidden;
    for (const lane of this.lanes) lane.row.hidden = hidden.has(lane.key);
    this.draw();
  }

  setTime(ms) {
    this.timeMs = ms;
    this.placePlayhead();
  }

  buildLane(lane) {
    const row = el('div', 'tl-lane');
    row.dataset.lane = lane.key;
    const name = el('div', 'tl-label');
    name.textContent = laneLabel(lane.key);
    const canvas = el('canvas', 'tl-canvas');
    const types = lane.curve ? [] : [...new Set(lane.events.map((e) => e.type))].sort();
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', lane.curve
      ? `${laneLabel(lane.key)}: score per window from 0 to 1`
      : `${laneLabel(lane.key)}: ${lane.events.length} events of ${types.join(', ')}`);
    const height = lane.curve ? CURVE_HEIGHT : Math.max(1, types.length) * ROW;
    canvas.style.height = height + 'px';
    canvas.addEventListener('click', (e) => this.click(built, e));
    if (!lane.curve) name.title = types.join('\n');
    row.append(name, canvas);
    this.container.append(row);
    const built = { ...lane, row, canvas, types, height };
    return built;
  }

  buildRuler() {
    const row = el('div', 'tl-lane tl-ruler');
    const canvas = el('canvas', 'tl-canvas');
    canvas.style.height = ROW + 'px';
    canvas.setAttribute('aria-hidden', 'true');
    row.append(el('div', 'tl-label'), canvas);
    this.container.append(row);
    return { row, canvas, height: ROW, ruler: true };
  }

  draw() {
    for (const lane of [this.ruler, ...this.lanes]) {
      if (!lane) continue;
      if (lane.row.hidden) continue;
      const { canvas } = lane;
      const width = canvas.clientWidth;
      if (!width) continue;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(lane.height * ratio);
      const g = canvas.getContext('2d');
      g.scale(ratio, ratio);
      g.clearRect(0, 0, width, lane.height);
      if (lane.ruler) this.drawRuler(g, width);
      else if (lane.curve) this.drawCurve(g, lane, width);
      else this.drawEvents(g, lane, width);
    }
    this.placePlayhead();
  }

  drawEvents(g, lane, width) {
    const x = (ms) => (ms / this.durationMs) * width;
    g.font = '10px system-ui, sans-serif';
    g.textBaseline = 'middle';
    for (const e of lane.events) {
      const rowIndex = lane.types.indexOf(e.type);
      const y = rowIndex * ROW + 1;
      g.fillStyle = COLOURS[rowIndex % COLOURS.length];
      g.globalAlpha = 0.35 + 0.65 * Math.max(0, Math.min(1, e.confidence ?? 1));
      const x0 = x(e.startMs);
      const w = x(e.endMs) - x0;
      if (w < 2) {
        g.fillRect(x0 - 1, y, 2, ROW - 2);
      } else {
        g.fillRect(x0, y, w, ROW - 2);
        const label = this.labels.get(e.id);
        if (label && w > 18) {
          g.globalAlpha = 1;
          g.fillStyle = '#fff';
          g.fillText(label, x0 + 3, y + (ROW - 2) / 2, w - 4);
        }
      }
    }
    g.globalAlpha = 1;
  }

  /** Ticks at a round step that leaves about 80 px between labels. */
  drawRuler(g, width) {
    const steps = [100, 250, 500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000, 600000, 1800000];
    const step = steps.find((s) => (s / this.durationMs) * width >= 80) || steps[steps.length - 1];
    g.font = '10px system-ui, sans-serif';
    g.fillStyle = '#52606d';
    g.textBaseline = 'top';
    for (let t = 0; t <= this.durationMs; t += step) {
      const x = (t / this.durationMs) * width;
      g.fillRect(x, 0, 1, 4);
      const s = t / 1000;
      const text = s >= 60 ? `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}` : `${s}s`;
      g.fillText(text, Math.min(x + 2, width - 24), 3);
    }
  }

  drawCurve(g, lane, width) {
    const x = (ms) => (ms / this.durationMs) * width;
    const y = (v) => CURVE_HEIGHT - 2 - v * (CURVE_HEIGHT - 4);
    g.strokeStyle = '#94a3b8';
    g.beginPath();
    g.moveTo(0, y(0.5));
    g.lineTo(width, y(0.5));
    g.stroke();
    g.strokeStyle = '#c2410c';
    g.fillStyle = 'rgba(194, 65, 12, 0.18)';
    g.lineWidth = 2;
    for (const run of runs(lane.curve)) {
      g.beginPath();
      g.moveTo(x(run[0].startMs), y(0));
      for (const p of run) {
        g.lineTo(x(p.startMs), y(p.value));
        g.lineTo(x(p.endMs), y(p.value));
      }
      g.lineTo(x(run[run.length - 1].endMs), y(0));
      g.fill();
      g.stroke();
    }
    g.lineWidth = 1;
  }

  click(lane, e) {
    const rect = lane.canvas.getBoundingClientRect();
    const ms = ((e.clientX - rect.left) / rect.width) * this.durationMs;
    const slack = (PICK / rect.width) * this.durationMs;
    if (lane.curve) {
      const w = lane.curve.find((p) => ms >= p.startMs && ms < p.endMs);
      return this.onSeek(w ? w.startMs : ms);
    }
    const row = Math.floor((e.clientY - rect.top) / ROW);
    const candidates = lane.events.filter((ev) => lane.types.indexOf(ev.type) === row
      && ms >= ev.startMs - slack && ms <= Math.max(ev.endMs, ev.startMs) + slack);
    candidates.sort((a, b) => Math.abs(a.startMs - ms) - Math.abs(b.startMs - ms));
    this.onSeek(candidates.length ? candidates[0].startMs : ms);
  }

  placePlayhead() {
    const visible = this.lanes.find((l) => !l.row.hidden);
    if (!this.playhead || !visible) return;
    const c = visible.canvas;
    const left = c.offsetLeft + (Math.min(this.timeMs, this.durationMs) / this.durationMs) * c.clientWidth;
    this.playhead.style.left = left + 'px';
  }
}

/** Consecutive windows that have a value, as separate runs, so gaps stay gaps. */
function runs(points) {
  const out = [];
  let current = [];
  for (const p of points) {
    if (p.value == null) {
      if (current.length) out.push(current);
      current = [];
    } else {
      current.push(p);
    }
  }
  if (current.length) out.push(current);
  return out;
}

function el(tag, className) {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
