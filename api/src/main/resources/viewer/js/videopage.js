// One video: the player of its original, the timeline lanes, the filters, the event list and the exports;
// follows the analysis while it runs. Keys: n / Shift+→ next event, p / Shift+← previous event, space
// play/pause.

import * as api from './api.js';
import { EventList, clock } from './events.js';
import { Timeline, laneOf, laneOrder } from './timeline.js';

/** Reload the timeline at most this often while new events arrive. */
const RELOAD_MS = 2000;

/**
 * Shows video `id` in the page's video section. `fail` reports an error to the user.
 * Returns a function that stops everything this page started (streams, timers, Blob URLs, key handlers).
 */
export function showVideo(id, fail) {
  const $ = (s) => document.querySelector(s);
  const player = $('#player');
  const stop = new AbortController();
  let media = null;
  let reloadTimer = null;
  let durationMs = 0;

  const timeline = new Timeline($('#timeline'), (ms) => seek(ms));
  const list = new EventList($('#events'), $('#filters'), (ms) => seek(ms), (hidden) => timeline.setHidden(hidden));

  function seek(ms) {
    const apply = () => {
      player.currentTime = ms / 1000;
      moved();
    };
    if (player.readyState >= 1) apply();
    else player.addEventListener('loadedmetadata', apply, { once: true });
  }

  function moved() {
    const ms = player.currentTime * 1000;
    timeline.setTime(ms);
    list.at(ms);
    $('#clock').textContent = clock(ms);
  }

  function showStatus(v) {
    $('#video-title').textContent = v.filename;
    const status = String(v.status).toLowerCase();
    $('#video-status').textContent = status === 'failed'
      ? `failed: ${v.error || 'no reason given'}`
      : `${status}, ${Math.round(v.progress * 100)}% analysed, ${v.counts.events} events`;
    $('#video-progress').value = v.progress;
    $('#video-section').dataset.status = String(v.status).toUpperCase();
    if (v.media && v.media.durationMs) durationMs = v.media.durationMs;
  }

  async function load() {
    const [tl, engagement, slides] = await Promise.all([api.timeline(id),
      api.engagement(id).catch(() => null), api.slides(id).catch(() => [])]);
    if (stop.signal.aborted) return;
    showStatus(tl.video);
    const events = tl.tracks.flatMap((t) => t.events);
    const end = Math.max(durationMs, ...events.map((e) => e.endMs), (player.duration || 0) * 1000);
    const byLane = new Map();
    for (const e of events) {
      const key = laneOf(e.type);
      if (!byLane.has(key)) byLane.set(key, []);
      byLane.get(key).push(e);
    }
    const lanes = [...byLane].map(([key, laneEvents]) => ({ key, events: laneEvents }));
    const counts = new Map([...byLane].map(([key, laneEvents]) => [key, laneEvents.length]));
    if (engagement && engagement.windows.length) {
      lanes.push({ key: 'engagement',
        curve: engagement.windows.map((w) => ({ startMs: w.startMs, endMs: w.endMs, value: w.score })) });
      counts.set('engagement', engagement.windows.length);
    }
    const labels = new Map(slides.map((s) => [s.eventId, String(s.slideNumber)]));
    const order = laneOrder(lanes.map((l) => l.key));
    lanes.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
    timeline.render(end, lanes, labels);
    list.render(events, counts);
    moved();
    $('#video-section').dataset.loaded = 'true';
  }

  function reloadSoon() {
    if (reloadTimer) return;
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      load().catch(fail);
    }, RELOAD_MS);
  }

  function onKey(e) {
    const target = e.target;
    if (target.closest && target.closest('input, textarea, select, [contenteditable]')) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key;
    let direction = 0;
    if (key === 'n' || (key === 'ArrowRight' && e.shiftKey)) direction = 1;
    if (key === 'p' || (key === 'ArrowLeft' && e.shiftKey)) direction = -1;
    if (direction) {
      const ms = list.step(player.currentTime * 1000, direction);
      if (ms != null) seek(ms);
      e.preventDefault();
    } else if (key === ' ' && !target.closest('button, a, video')) {
      // On a focused button space presses it, and the player's own controls handle it themselves.
      if (player.paused) player.play().catch(() => {}); else player.pause();
      e.preventDefault();
    }
  }

  for (const name of ['timeupdate', 'seeked', 'seeking']) player.addEventListener(name, moved, { signal: stop.signal });
  player.addEventListener('loadedmetadata', () => {
    if (!durationMs) load().catch(fail);
  }, { signal: stop.signal });
  document.addEventListener('keydown', onKey, { signal: stop.signal });

  $('#exports').replaceChildren(...api.exportLinks(id).map(([label, path]) => {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
    button.addEventListener('click', () => api.download(path, path.split('/').pop()).catch(fail));
    return button;
  }));

  (async () => {
    const v = await api.video(id);
    showStatus(v);
    api.mediaSource(id).then((m) => {
      if (stop.signal.aborted) return m.release();
      media = m;
      player.src = m.url;
    }).catch((e) => fail(new api.ApiError(e.status, 'The video cannot be played: ' + e.message)));
    await load();
    if (!api.isFinal(v.status)) {
      api.follow(id, {
        onVideo: showStatus,
        onEvent: reloadSoon,
        onEnd: () => load().catch(fail),
        onError: fail,
      }, stop.signal);
    }
  })().catch(fail);

  return () => {
    stop.abort();
    clearTimeout(reloadTimer);
    player.pause();
    player.removeAttribute('src');
    player.load();
    if (media) media.release();
    delete $('#video-section').dataset.loaded;
  };
}
