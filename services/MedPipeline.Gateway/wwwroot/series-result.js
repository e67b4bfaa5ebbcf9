"use strict";
// The series page's result: summary, per-instance table, heatmaps (fetched with the caller's key) and similar cases.
function showOutcome(status) {
  const r = status.result;
  const progress = document.getElementById("progress");
  progress.max = 1;
  progress.value = 1;
  showProgressText(`Finished: ${status.status}`);
  document.getElementById("outcome").textContent = !r ? status.status
    : r.task === "anomaly" ? (r.is_anomaly ? "Anomaly" : "Normal")
    : `${r.predicted_class} (${(100 * r.probability).toFixed(1)} %)`;
  document.getElementById("outcome-note").textContent = [status.reason, r?.task === "anomaly" ? `reconstruction error ${r.reconstruction_mse.toPrecision(3)}, threshold ${r.threshold.toPrecision(3)}` : null,
    r ? `${r.instance_count} instance(s), model ${r.model.name} ${r.model.version}` : null].filter(Boolean).join(" · ");
  showInstances(r?.instances ?? [], r?.task);
  showHeatmaps(status.heatmaps ?? []);
  showSimilar(status);
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  row.append(td);
}

function showInstances(instances, task) {
  const body = document.querySelector("#instances tbody");
  body.replaceChildren();
  for (const i of instances) {
    const row = document.createElement("tr");
    cell(row, i.instance_number ?? "");
    cell(row, i.frame);
    cell(row, task === "anomaly" ? (i.is_anomaly ? "anomaly" : "normal") : i.predicted_class);
    cell(row, task === "anomaly" ? i.reconstruction_mse?.toPrecision(3) : i.probability?.toFixed(3));
    body.append(row);
  }
  document.getElementById("instances-wrap").hidden = instances.length === 0;
}

async function showHeatmaps(heatmaps) {
  const box = document.getElementById("heatmaps");
  box.replaceChildren();
  for (const h of heatmaps) {
    const response = await fetch(h.url, { headers: authHeaders() });
    if (!response.ok) continue;
    const url = URL.createObjectURL(await response.blob());
    heatmapUrls.push(url);
    const figure = document.createElement("figure");
    const img = document.createElement("img");
    img.src = url;
    img.width = h.width;
    img.height = h.height;
    img.alt = `Heatmap of instance ${h.sopInstanceUid}, frame ${h.frame}: brighter where the model's evidence is`;
    const caption = document.createElement("figcaption");
    caption.textContent = `Frame ${h.frame}`;
    figure.append(img, caption);
    box.append(figure);
  }
  document.getElementById("heatmaps-section").hidden = box.children.length === 0;
}

async function showSimilar(status) {
  const query = new URLSearchParams({ modelType: status.modelType, k: "5", studyInstanceUid: status.studyInstanceUid });
  const response = await fetch(`/api/studies/series/${encodeURIComponent(status.seriesInstanceUid)}/similar?${query}`, { headers: authHeaders() });
  if (response.status !== 200) return;
  const body = document.querySelector("#similar tbody");
  body.replaceChildren();
  for (const s of (await response.json()).items ?? []) {
    const row = document.createElement("tr");
    cell(row, s.seriesInstanceUid);
    cell(row, s.distance?.toPrecision(3));
    cell(row, s.predictedClass ?? (s.isAnomaly === undefined || s.isAnomaly === null ? s.status : (s.isAnomaly ? "anomaly" : "normal")));
    cell(row, s.finishedAt ? new Date(s.finishedAt).toLocaleString() : "");
    body.append(row);
  }
  document.getElementById("similar-section").hidden = false;
}

function base64Url(text) {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

document.getElementById("series-form").addEventListener("submit", (e) => send(e).catch((error) => showProblem("", { title: String(error) })));
document.getElementById("archive").addEventListener("change", async () => {
  const file = document.getElementById("archive").files[0];
  const uids = file ? await readUids(file).catch(() => null) : null;
  if (uids) {
    document.getElementById("study-uid").value = uids.study;
    document.getElementById("series-uid").value = uids.series;
  }
  document.getElementById("uid-note").textContent = uids ? "Read from the ZIP's first DICOM file; you may correct them." : "Could not read the UIDs from this file; type them.";
});
document.getElementById("api-key").addEventListener("change", loadModels);
loadModels();
