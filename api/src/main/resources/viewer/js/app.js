// The viewer's entry point: sign-in, the views (#/ the video list, #/videos/<id> one video) and the error
// banner. A 401 from any call signs out and shows the sign-in form again.

import * as api from './api.js';
import { Library } from './library.js';
import { showVideo } from './videopage.js';

const $ = (s) => document.querySelector(s);
const sections = ['#signin-section', '#library-section', '#video-section'];
let leaveVideo = null;

function fail(error) {
  if (error && error.name === 'AbortError') return;
  if (error && error.status === 401) {
    api.signOut();
    route();
    showError('Your sign-in is no longer valid (' + error.message + '). Please sign in again.');
    return;
  }
  showError(error && error.message ? error.message : String(error));
}

function showError(text) {
  const banner = $('#error');
  $('#error-text').textContent = text;
  banner.hidden = false;
}

const library = new Library(fail);

function show(section) {
  for (const s of sections) $(s).hidden = s !== section;
  $('#signed-in').hidden = section === '#signin-section';
}

function route() {
  if (leaveVideo) {
    leaveVideo();
    leaveVideo = null;
  }
  library.stop();
  if (!api.credential()) {
    show('#signin-section');
    $('#signin-email').focus();
    return;
  }
  const match = location.hash.match(/^#\/videos\/([^/]+)$/);
  if (match) {
    show('#video-section');
    leaveVideo = showVideo(decodeURIComponent(match[1]), fail);
    $('#video-title').focus();
  } else {
    show('#library-section');
    library.start();
  }
}

$('#signin-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const email = $('#signin-email').value.trim();
  const password = $('#signin-password').value;
  const key = $('#signin-key').value.trim();
  const message = $('#signin-message');
  message.textContent = '';
  try {
    if (key) await api.signInWithKey(key);
    else if (email && password) await api.signInWithPassword(email, password);
    else {
      message.textContent = 'Enter your email and password, or an API key.';
      return;
    }
    $('#signin-form').reset();
    $('#error').hidden = true;
    route();
  } catch (err) {
    message.textContent = err.status === 401 || err.status === 400
      ? 'Sign-in refused: ' + err.message
      : 'Sign-in failed: ' + err.message;
  }
});

$('#signout').addEventListener('click', () => {
  api.signOut();
  location.hash = '#/';
  route();
});

$('#error-close').addEventListener('click', () => { $('#error').hidden = true; });
window.addEventListener('hashchange', route);
route();
