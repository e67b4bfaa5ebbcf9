"use strict";
// Reading the study and series UIDs from the chosen ZIP, so the request names the UIDs its files carry.
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
