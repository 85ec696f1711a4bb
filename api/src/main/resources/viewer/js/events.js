// The event list under the player, the track filters that hide lanes and their events, and moving from
// event to event. Only the events of visible lanes are listed and navigated.

import { laneLabel, laneOf, laneOrder } from './timeline.js';

/** The list renders at most this many rows; the filters narrow it down. */
const MAX_ROWS = 1000;
/** Events closer than this to the playhead count as "here" when moving to the next or previous one. */
const HERE_MS = 5;

export class EventList {
  /**
   * @param table    a <table> with a <tbody>
   * @param filters  a container for the filter checkboxes
   * @param onSeek   called with ms when an event is chosen
   * @param onFilter called with the set of hidden lane keys
   */
  constructor(table, filters, onSeek, onFilter) {
    this.body = table.tBodies[0];
    this.note = table.parentElement.querySelector('.list-note');
    this.filters = filters;
    this.onSeek = onSeek;
    this.onFilter = onFilter;
    this.events = [];
    this.hidden = new Set();
    this.current = null;
  }

  /** @param laneCounts Map lane key -> count, every lane shown in the timeline (the engagement curve included) */
  render(events, laneCounts) {
    this.events = [...events].sort((a, b) => a.startMs - b.startMs || a.type.localeCompare(b.type));
    this.hidden = new Set([...this.hidden].filter((k) => laneCounts.has(k)));
    this.filters.replaceChildren();
    for (const key of laneOrder(laneCounts.keys())) {
      const id = 'filter-' + key.replace(/[^a-z0-9-]/gi, '_');
      const box = Object.assign(document.createElement('input'),
        { type: 'checkbox', id, name: 'track-filter', value: key, checked: !this.hidden.has(key) });
      box.addEventListener('change', () => {
        if (box.checked) this.hidden.delete(key); else this.hidden.add(key);
        this.onFilter(this.hidden);
        this.fill();
      });
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = `${laneLabel(key)} (${laneCounts.get(key)})`;
      const item = document.createElement('span');
      item.className = 'filter';
      item.append(box, label);
      this.filters.append(item);
    }
    this.onFilter(this.hidden);
    this.fill();
  }

  visible() {
    return this.events.filter((e) => !this.hidden.has(laneOf(e.type)));
  }

  fill() {
    const visible = this.visible();
    const rows = visible.slice(0, MAX_ROWS).map((e) => this.row(e));
    this.body.replaceChildren(...rows);
    this.note.textContent = visible.length > MAX_ROWS
      ? `Showing the first ${MAX_ROWS} of ${visible.length} events; hide tracks to see the others.`
      : `${visible.length} events.`;
    this.highlight(this.current);
  }

  row(e) {
    const tr = document.createElement('tr');
    tr.dataset.eventId = e.id;
    tr.dataset.type = e.type;
    tr.dataset.startMs = e.startMs;
    const seek = Object.assign(document.createElement('button'),
      { type: 'button', className: 'seek', textContent: clock(e.startMs) });
    seek.setAttribute('aria-label', `Play from ${clock(e.startMs)}: ${e.type}`);
    seek.addEventListener('click', () => this.onSeek(e.startMs));
    const cells = [e.endMs > e.startMs ? clock(e.endMs) : '', e.type, e.confidence.toFixed(2), summary(e)];
    const first = document.createElement('td');
    first.append(seek);
    tr.append(first, ...cells.map((text) => Object.assign(document.createElement('td'), { textContent: text })));
    return tr;
  }

  /** Marks the latest visible event that started at or before ms. */
  at(ms) {
    const here = this.visible().filter((e) => e.startMs <= ms + HERE_MS).pop() || null;
    if (here !== this.current) this.highlight(here);
  }

  highlight(event) {
    this.current = event;
    for (const tr of this.body.querySelectorAll('[aria-current]')) tr.removeAttribute('aria-current');
    if (!event) return;
    const tr = this.body.querySelector(`tr[data-event-id="${CSS.escape(event.id)}"]`);
    if (tr) tr.setAttribute('aria-current', 'true');
  }

  /** The start of the next (+1) or previous (-1) visible event from ms, or null. */
  step(ms, direction) {
    const starts = [...new Set(this.visible().map((e) => e.startMs))];
    if (direction > 0) return starts.find((s) => s > ms + HERE_MS) ?? null;
    return starts.filter((s) => s < ms - HERE_MS).pop() ?? null;
  }
}

/** m:ss.mmm */
export function clock(ms) {
  const total = Math.max(0, Math.round(ms));
  const m = Math.floor(total / 60000);
  const s = Math.floor((total % 60000) / 1000);
  return `${m}:${String(s).padStart(2, '0')}.${String(total % 1000).padStart(3, '0')}`;
}

/** A few attributes as text: scalars only, numbers rounded; the track id first when there is one. */
function summary(e) {
  const parts = e.track ? ['track ' + e.track] : [];
  for (const [k, v] of Object.entries(e.attributes || {})) {
    if (parts.length >= 5) break;
    if (typeof v === 'number') parts.push(`${k} ${Number.isInteger(v) ? v : v.toFixed(2)}`);
    else if (typeof v === 'string' || typeof v === 'boolean') parts.push(`${k} ${v}`);
  }
  return parts.join(', ');
}
