"use strict";
// The single-image page: pick a model, upload a file or draw a digit, see the answer.
const $ = (id) => document.getElementById(id);
let models = [];

async function loadModels() {
  const response = await fetch("/api/models");
  models = await response.json();
  const select = $("model");
  for (const m of models) {
    const option = document.createElement("option");
    option.value = m.modelType;
    option.textContent = `${m.name} (${m.modelType} ${m.version})`;
    select.append(option);
  }
  select.value = models.some((m) => m.modelType === "digit-classifier") ? "digit-classifier" : select.value;
  describeModel();
}

function currentModel() {
  return models.find((m) => m.modelType === $("model").value);
}

function describeModel() {
  const m = currentModel();
  if (!m) return;
  $("threshold-row").hidden = m.task !== "anomaly";
  $("model-note").textContent = m.task === "anomaly"
    ? `Anomaly model: flags images whose reconstruction error is above ${m.threshold} (or your threshold).`
    : `Classifier: ${m.labels.join(", ")}. Input ${m.input.width}×${m.input.height}.`;
}

async function predict(blob, fileName) {
  const m = currentModel();
  const form = new FormData();
  form.append("file", blob, fileName);
  form.append("modelType", m.modelType);
  let url = m.task === "anomaly" ? "/predict?preview=true" : "/inference?preview=true";
  const threshold = $("threshold").value.trim();
  if (m.task === "anomaly" && threshold !== "") url += `&threshold=${encodeURIComponent(threshold)}`;
  showStatus("Predicting…");
  const started = performance.now();
  const response = await fetch(url, { method: "POST", body: form });
  const body = await response.json();
  if (!response.ok) {
    showError(`${body.title} ${body.detail ?? ""}`);
    return;
  }
  showResult(m, body, performance.now() - started);
}

function showStatus(text) {
  $("status").textContent = text;
  $("status").className = "note";
}

function showError(text) {
  $("status").textContent = text;
  $("status").className = "error";
  $("answer").textContent = "";
  $("bars").replaceChildren();
  $("timing").textContent = "";
  $("preview-figure").hidden = true;
}

function showResult(model, body, roundTripMs) {
  showStatus(body.frames.length > 1 ? `${body.frames.length} frames; showing frame 1.` : "");
  const bars = $("bars");
  bars.replaceChildren();
  if (model.task === "anomaly") {
    $("answer").textContent = body.is_anomaly ? "Anomaly" : "Normal";
    const ratio = Math.min(1, body.reconstruction_mse / (2 * body.threshold));
    bars.append(bar("MSE", ratio, body.reconstruction_mse.toPrecision(3)));
    bars.append(bar("threshold", 0.5, body.threshold.toPrecision(3)));
  } else {
    $("answer").textContent = `${body.prediction} (${(100 * body.confidence).toFixed(1)} %)`;
    for (const [label, p] of Object.entries(body.probabilities)) bars.append(bar(label, p, `${(100 * p).toFixed(1)} %`));
  }
  const t = body.timings;
  $("timing").textContent = `Server: ${body.inference_time_ms.toFixed(1)} ms (decode ${t.decode_ms.toFixed(1)}, preprocess ${t.preprocess_ms.toFixed(1)}, model ${t.inference_ms.toFixed(1)}); round trip ${roundTripMs.toFixed(0)} ms.`;
  if (body.preview) {
    $("preview").src = body.preview;
    $("preview-figure").hidden = false;
  }
}

function bar(label, fraction, text) {
  const item = document.createElement("li");
  const name = document.createElement("span");
  name.textContent = label;
  const track = document.createElement("span");
  track.className = "track";
  const fill = document.createElement("span");
  fill.className = "bar";
  fill.style.display = "block";
  fill.style.width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
  track.append(fill);
  const value = document.createElement("span");
  value.textContent = text;
  item.append(name, track, value);
  item.setAttribute("aria-label", `${label}: ${text}`);
  return item;
}

// --- Drawing ---------------------------------------------------------------------------
const canvas = $("canvas");
const pen = canvas.getContext("2d");
let drawing = false;

function clearCanvas() {
  pen.fillStyle = "#000";
  pen.fillRect(0, 0, canvas.width, canvas.height);
}

function point(event) {
  const box = canvas.getBoundingClientRect();
  return [(event.clientX - box.left) * canvas.width / box.width, (event.clientY - box.top) * canvas.height / box.height];
}

canvas.addEventListener("pointerdown", (e) => {
  drawing = true;
  canvas.setPointerCapture(e.pointerId);
  pen.beginPath();
  pen.moveTo(...point(e));
});
canvas.addEventListener("pointermove", (e) => {
  if (!drawing) return;
  pen.lineTo(...point(e));
  pen.strokeStyle = "#fff";
  pen.lineWidth = 20;
  pen.lineCap = "round";
  pen.lineJoin = "round";
  pen.stroke();
});
canvas.addEventListener("pointerup", () => { drawing = false; });

// MNIST-style input: the digit's bounding box scaled into 20×20, then centred by its centre of mass in 28×28.
function digitImage() {
  const { width, height } = canvas;
  const pixels = pen.getImageData(0, 0, width, height).data;
  let [minX, minY, maxX, maxY] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[(y * width + x) * 4] > 20) {
        minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
    }
  }
  if (maxX < 0) return null;
  const boxW = maxX - minX + 1, boxH = maxY - minY + 1;
  const scale = 20 / Math.max(boxW, boxH);
  const small = document.createElement("canvas");
  small.width = small.height = 28;
  const ctx = small.getContext("2d");
  ctx.fillStyle = "#000";
  ctx.fillRect(0, 0, 28, 28);
  ctx.imageSmoothingQuality = "high";
  const w = boxW * scale, h = boxH * scale;
  ctx.drawImage(canvas, minX, minY, boxW, boxH, (28 - w) / 2, (28 - h) / 2, w, h);
  const data = ctx.getImageData(0, 0, 28, 28).data;
  let [sum, cx, cy] = [0, 0, 0];
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) { const v = data[(y * 28 + x) * 4]; sum += v; cx += x * v; cy += y * v; }
  const centred = document.createElement("canvas");
  centred.width = centred.height = 28;
  const out = centred.getContext("2d");
  out.fillStyle = "#000";
  out.fillRect(0, 0, 28, 28);
  out.drawImage(small, Math.round(13.5 - cx / sum), Math.round(13.5 - cy / sum));
  return centred;
}

$("predict-drawing").addEventListener("click", () => {
  const image = digitImage();
  if (!image) { showError("Draw a digit first."); return; }
  image.toBlob((blob) => predict(blob, "drawing.png").catch((e) => showError(String(e))), "image/png");
});
$("clear").addEventListener("click", () => { clearCanvas(); showStatus("Cleared."); });
$("upload-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const file = $("file").files[0];
  if (!file) { showError("Choose a file first."); return; }
  predict(file, file.name).catch((err) => showError(String(err)));
});
$("model").addEventListener("change", describeModel);

clearCanvas();
loadModels().catch((e) => showError(`Could not load the models: ${e}`));
