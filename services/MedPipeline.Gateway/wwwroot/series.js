"use strict";
// The series page: send a ZIP of a DICOM series, follow its live progress (WebSocket, or Server-Sent Events
// read with fetch when a WebSocket cannot connect), then show the result, its instances, heatmaps and similar cases.
const $ = (id) => document.getElementById(id);
const STAGES = { unpacking: "Unpacking", preprocessing: "Preprocessing", inference: "Inference", callback: "Answering the backend" };
let heatmapUrls = [];

function key() { return $("api-key").value.trim(); }
function authHeaders() { return key() ? { "X-API-Key": key() } : {}; }

async function loadModels() {
  const response = await fetch("/api/models", { headers: authHeaders() });
  if (!response.ok) return;
  const select = $("series-model");
  select.replaceChildren();
  for (const m of await response.json()) {
    const option = document.createElement("option");
    option.value = m.modelType;
    option.textContent = `${m.name} (${m.modelType} ${m.version})`;
    select.append(option);
  }
}

// The UIDs the request must name are those of the files: read them from the ZIP's first entry.
async function readUids(file) {
  const zip = new DataView(await file.arrayBuffer());
  let end = zip.byteLength - 22;
  while (end >= 0 && zip.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) return null;
  let entry = zip.getUint32(end + 16, true);
  for (let i = 0; i < zip.getUint16(end + 10, true); i++) {
    const method = zip.getUint16(entry + 10, true), size = zip.getUint32(entry + 20, true);
    const nameLength = zip.getUint16(entry + 28, true), local = zip.getUint32(entry + 42, true);
    const name = new TextDecoder().decode(new Uint8Array(zip.buffer, entry + 46, nameLength));
    entry += 46 + nameLength + zip.getUint16(entry + 30, true) + zip.getUint16(entry + 32, true);
    if (name.endsWith("/") || (method !== 0 && method !== 8)) continue;
    const start = local + 30 + zip.getUint16(local + 26, true) + zip.getUint16(local + 28, true);
    let bytes = new Uint8Array(zip.buffer, start, size);
    if (method === 8) {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    }
    const study = dicomUid(bytes, 0x0d), series = dicomUid(bytes, 0x0e);
    if (study && series) return { study, series };
  }
  return null;
}

// (0020,000D) Study and (0020,000E) Series Instance UID, explicit or implicit VR little endian.
function dicomUid(bytes, element) {
  for (let i = 132; i + 8 < bytes.length; i++) {
    if (bytes[i] !== 0x20 || bytes[i + 1] !== 0 || bytes[i + 2] !== element || bytes[i + 3] !== 0) continue;
    const explicit = bytes[i + 4] === 0x55 && bytes[i + 5] === 0x49;
    const length = explicit ? bytes[i + 6] | (bytes[i + 7] << 8) : new DataView(bytes.buffer, bytes.byteOffset + i + 4, 4).getUint32(0, true);
    const value = new TextDecoder().decode(bytes.subarray(i + 8, i + 8 + length)).replace(/[\0 ]+$/, "");
    if (/^[0-9.]{1,64}$/.test(value)) return value;
  }
  return null;
}

async function send(event) {
  event.preventDefault();
  resetOutcome();
  const form = new FormData();
  form.append("file", $("archive").files[0]);
  form.append("seriesId", `page-${crypto.randomUUID().slice(0, 8)}`);
  form.append("studyInstanceUid", $("study-uid").value.trim());
  form.append("seriesInstanceUid", $("series-uid").value.trim());
  form.append("modelType", $("series-model").value);
  form.append("predictAgain", $("predict-again").checked ? "true" : "false");
  showProgressText("Sending…");
  const response = await fetch("/api/studies/series/predict", { method: "POST", headers: authHeaders(), body: form });
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : {};
  if (response.status === 202) {
    showProgressText("Accepted; waiting for the pipeline…");
    watch(body.correlationId);
  } else if (response.ok && body.series) {
    logEvent({ type: "result", reused: true });
    showOutcome(body.series);
  } else {
    showProblem(response.status, body);
  }
}

function watch(correlationId) {
  let heard = false;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}/ws/series/${correlationId}`, ["medpipe.live", `medpipe.key.${base64Url(key())}`]);
  socket.addEventListener("open", () => addLine("connected (WebSocket)"));
  socket.addEventListener("message", (m) => { heard = true; handle(JSON.parse(m.data)); });
  socket.addEventListener("close", (c) => {
    if (!heard) watchWithServerSentEvents(correlationId);
    else if (c.code === 1008) showProgressText("No such series for your organization.");
  });
}

// Where WebSockets are blocked (some proxies), the same events come as text/event-stream; fetch can send the key.
async function watchWithServerSentEvents(correlationId) {
  const response = await fetch(`/api/series/${correlationId}/events`, { headers: authHeaders() });
  if (!response.ok) { showProblem(response.status, await response.json().catch(() => ({}))); return; }
  addLine("connected (Server-Sent Events)");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const data = buffer.slice(0, cut).split("\n").find((l) => l.startsWith("data: "));
      buffer = buffer.slice(cut + 2);
      if (data) handle(JSON.parse(data.slice(6)));
    }
  }
}

function handle(e) {
  logEvent(e);
  if (e.type === "progress") {
    const progress = $("progress");
    if (e.total > 0) { progress.max = e.total; progress.value = e.done; } else progress.removeAttribute("value");
    showProgressText(`${STAGES[e.stage] ?? e.stage}: ${e.done} of ${e.total || "?"}`);
  } else if (e.type === "result") {
    showOutcome(e.status);
  } else if (e.type === "error") {
    if (e.status) showOutcome(e.status);
    $("outcome").textContent = "Failed";
    $("outcome-note").textContent = e.reason;
    $("outcome-note").className = "error";
  }
}

function logEvent(e) {
  addLine(e.type === "progress" ? `progress ${e.stage} ${e.done}/${e.total}` : `${e.type}${e.reason ? `: ${e.reason}` : ""}`);
}

function addLine(text) {
  const item = document.createElement("li");
  item.textContent = text;
  $("events").append(item);
}

function showProgressText(text) { $("progress-text").textContent = text; }

function showProblem(status, body) {
  $("outcome").textContent = "";
  $("outcome-note").className = "error";
  const fields = body.errors ? Object.entries(body.errors).map(([f, m]) => `${f} ${m.join(", ")}`).join("; ") : "";
  $("outcome-note").textContent = `${status}: ${body.title ?? "the request failed"} ${body.detail ?? ""} ${fields}`.trim();
  showProgressText("Not sent.");
}

function resetOutcome() {
  for (const url of heatmapUrls) URL.revokeObjectURL(url);
  heatmapUrls = [];
  $("events").replaceChildren();
  $("progress").value = 0;
  $("outcome").textContent = "";
  $("outcome-note").textContent = "";
  $("outcome-note").className = "note";
  $("instances-wrap").hidden = true;
  $("heatmaps-section").hidden = true;
  $("similar-section").hidden = true;
}
