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
