// The video list (refreshed while anything is being analysed) and the upload form.

import * as api from './api.js';

const BUSY_REFRESH_MS = 2000;
const IDLE_REFRESH_MS = 15000;

export class Library {
  /** @param fail reports an error to the user */
  constructor(fail) {
    this.fail = fail;
    this.timer = null;
    this.active = false;
    this.body = document.querySelector('#video-list tbody');
    document.querySelector('#upload-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.upload();
    });
  }

  start() {
    this.active = true;
    this.refresh();
  }

  stop() {
    this.active = false;
    clearTimeout(this.timer);
  }

  async refresh() {
    clearTimeout(this.timer);
    if (!this.active) return;
    let busy = false;
    try {
      const page = await api.videos();
      if (!this.active) return;
      this.body.replaceChildren(...page.items.map((v) => row(v)));
      document.querySelector('#video-empty').hidden = page.items.length > 0;
      document.querySelector('#video-more').hidden = !page.nextCursor;
      busy = page.items.some((v) => !api.isFinal(v.status));
    } catch (e) {
      this.fail(e);
      if (e.status === 401) return;
    }
    this.timer = setTimeout(() => this.refresh(), busy ? BUSY_REFRESH_MS : IDLE_REFRESH_MS);
  }

  async upload() {
    const file = document.querySelector('#upload-file').files[0];
    const course = document.querySelector('#upload-course').value.trim();
    const bar = document.querySelector('#upload-progress');
    const message = document.querySelector('#upload-message');
    const button = document.querySelector('#upload-button');
    if (!file) {
      message.textContent = 'Choose a video file first.';
      return;
    }
    button.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    message.textContent = `Uploading ${file.name}…`;
    try {
      const v = await api.upload(file, course, (fraction) => { bar.value = fraction; });
      bar.value = 1;
      message.textContent = `${v.filename} uploaded; analysis queued.`;
      document.querySelector('#upload-form').reset();
      this.refresh();
    } catch (e) {
      message.textContent = 'The upload failed.';
      this.fail(e);
    } finally {
      button.disabled = false;
    }
  }
}

function row(v) {
  const tr = document.createElement('tr');
  tr.dataset.videoId = v.id;
  tr.dataset.status = String(v.status).toUpperCase();
  const link = Object.assign(document.createElement('a'), { href: '#/videos/' + encodeURIComponent(v.id),
    textContent: v.filename, className: 'open' });
  const progress = Object.assign(document.createElement('progress'), { max: 1, value: v.progress });
  progress.setAttribute('aria-label', `${v.filename}: ${Math.round(v.progress * 100)}% analysed`);
  const status = String(v.status).toLowerCase() + (v.error ? `: ${v.error}` : '');
  const cells = [link, status, progress, String(v.counts.events), new Date(v.createdAt).toLocaleString()];
  tr.append(...cells.map((c) => {
    const td = document.createElement('td');
    td.append(c);
    return td;
  }));
  return tr;
}
