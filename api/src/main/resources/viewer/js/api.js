// The Cuepoint api as the viewer uses it. Every call sends the credential as Authorization: Bearer; the
// credential (a JWT from sign-in or an API key) lives in sessionStorage, so it ends with the browser tab.

const CREDENTIAL = 'cuepoint.credential';
const BASE = '/api/v1';

/** An api refusal or failure; `status` is the HTTP status (0 when the server could not be reached). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function credential() {
  return sessionStorage.getItem(CREDENTIAL);
}

export function signOut() {
  sessionStorage.removeItem(CREDENTIAL);
}

/** Signs in with email and password (POST /auth/login) and keeps the token it returns. */
export async function signInWithPassword(email, password) {
  const answer = await request('POST', '/auth/login', { json: { email, password }, anonymous: true });
  sessionStorage.setItem(CREDENTIAL, answer.token);
  return answer;
}

/** Keeps an API key after checking that the api accepts it. */
export async function signInWithKey(key) {
  sessionStorage.setItem(CREDENTIAL, key.trim());
  try {
    await request('GET', '/videos?limit=1');
  } catch (e) {
    signOut();
    throw e;
  }
}

export const videos = (cursor) => request('GET', '/videos?limit=100' + (cursor ? '&cursor=' + enc(cursor) : ''));
export const video = (id) => request('GET', `/videos/${enc(id)}`);
export const timeline = (id) => request('GET', `/videos/${enc(id)}/timeline`);
export const engagement = (id) => request('GET', `/videos/${enc(id)}/engagement`);
export const slides = (id) => request('GET', `/videos/${enc(id)}/slides`);

/** Export downloads of a video: label and api path. */
export function exportLinks(id) {
  const base = `${BASE}/videos/${enc(id)}/exports/`;
  return [['Chapters (WebVTT)', base + 'chapters.vtt'], ['Metadata (WebVTT)', base + 'metadata.vtt'],
    ['Events (JSON)', base + 'events.json'], ['Events (CSV)', base + 'events.csv']];
}

/** Fetches a file with the credential and offers it as a download (a plain link could not send the header). */
export async function download(path, filename) {
  const response = await send('GET', path, {});
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A URL the <video> element can play. Prefers a short-lived link (POST media-link: the element cannot send
 * headers); where the api has none, fetches the media with the header into a Blob URL, which is fine for
 * short clips. Returns {url, release} where release frees a Blob URL.
 */
export async function mediaSource(id) {
  try {
    const link = await request('POST', `/videos/${enc(id)}/media-link`);
    return { url: link.url, release() {} };
  } catch (e) {
    if (![404, 405, 501].includes(e.status)) throw e;
  }
  const response = await send('GET', `${BASE}/videos/${enc(id)}/media`, {});
  const url = URL.createObjectURL(await response.blob());
  return { url, release: () => URL.revokeObjectURL(url) };
}

/**
 * Uploads a file with XMLHttpRequest (fetch reports no upload progress). onProgress gets 0..1.
 * Resolves with the created video.
 */
export function upload(file, course, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${BASE}/videos` + (course ? '?course=' + enc(course) : ''));
    xhr.setRequestHeader('Authorization', 'Bearer ' + credential());
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'the upload failed: the server could not be reached'));
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
      } else {
        reject(refusal(xhr.status, body, xhr.statusText));
      }
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * Follows a video while it is analysed: the server-sent stream (read with fetch, since EventSource cannot
 * send headers) where the api has it, else polling every 2 s. Calls onVideo with each VideoResource,
 * onEvent for new events and onEnd once it completed or failed. Stops when `signal` aborts.
 */
export async function follow(id, { onVideo, onEvent, onEnd, onError }, signal) {
  try {
    const response = await send('GET', `${BASE}/videos/${enc(id)}/stream`, { accept: 'text/event-stream', signal });
    if (response.body) {
      const ended = await readStream(response.body, { onVideo, onEvent, onEnd }, signal);
      if (ended || signal.aborted) return;
    }
  } catch (e) {
    if (signal.aborted) return;
    if (e.status === 401) return onError(e);
    // Anything else: the poll below still tells the user where the video stands.
  }
  poll(id, onVideo, onEnd, onError, signal);
}

function poll(id, onVideo, onEnd, onError, signal) {
  const tick = async () => {
    if (signal.aborted) return;
    try {
      const v = await video(id);
      onVideo(v);
      if (isFinal(v.status)) return onEnd(v);
    } catch (e) {
      if (e.status === 401) return onError(e);
    }
    setTimeout(tick, 2000);
  };
  tick();
}

/** Parses text/event-stream; resolves true when an `end` event arrived. */
async function readStream(body, handlers, signal) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  signal.addEventListener('abort', () => reader.cancel().catch(() => {}), { once: true });
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return false;
    buffer += value.replace(/\r\n?/g, '\n');
    let blank;
    while ((blank = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, blank);
      buffer = buffer.slice(blank + 2);
      let type = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) type = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (!data.length) continue; // a comment or heartbeat
      const payload = parse(data.join('\n'));
      if (type === 'progress') handlers.onVideo(payload);
      else if (type === 'event') handlers.onEvent(payload);
      else if (type === 'end') {
        handlers.onEnd(payload);
        return true;
      }
    }
  }
}

export const isFinal = (status) => ['COMPLETED', 'FAILED'].includes(String(status).toUpperCase());

async function request(method, path, { json, anonymous } = {}) {
  const response = await send(method, BASE + path, { json, anonymous });
  return response.status === 204 ? null : response.json();
}

/** fetch with the credential; throws ApiError with the problem document's detail on a refusal. */
async function send(method, url, { json, anonymous, accept = 'application/json', signal }) {
  const headers = { Accept: accept };
  if (!anonymous && credential()) headers.Authorization = 'Bearer ' + credential();
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method, headers, signal, body: json === undefined ? undefined : JSON.stringify(json) });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'the server could not be reached');
  }
  if (!response.ok) {
    throw refusal(response.status, parse(await response.text()), response.statusText);
  }
  return response;
}

function refusal(status, body, statusText) {
  const detail = body && (body.detail || body.title || body.message);
  return new ApiError(status, `${status} ${detail || statusText || 'request failed'}`);
}

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

const enc = encodeURIComponent;
