"""Dumps pydicom's own decoding of every file in its test corpus, for the managed reader's corpus test.
Usage: /usr/bin/python3 dump_pydicom_reference.py OUTPUT_DIR. Writes index.json and one raw float64
file per decoded image (frames x rows x columns x samples, YBR converted to RGB as our reader does)."""
import json
import os
import sys
import warnings

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import convert_color_space

warnings.simplefilter("ignore")
ROOT = os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files")
SKIP = (".txt", ".json", ".dump", ".gz", ".py", ".pyc")
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
index = []
for folder, _, names in sorted(os.walk(ROOT)):
    for name in sorted(names):
        path = os.path.join(folder, name)
        if name.endswith(SKIP) or name == "README":
            continue
        entry = {"path": path, "name": os.path.relpath(path, ROOT)}
        try:
            ds = pydicom.dcmread(path, force=True)
            entry["transferSyntax"] = str(getattr(ds.file_meta, "TransferSyntaxUID", "")) if hasattr(ds, "file_meta") else ""
            if "PixelData" not in ds:
                entry["status"] = "no_pixels"
            else:
                array = ds.pixel_array
                frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
                samples = int(getattr(ds, "SamplesPerPixel", 1))
                photometric = str(getattr(ds, "PhotometricInterpretation", ""))
                if photometric.startswith("YBR_FULL") and samples == 3:
                    array = convert_color_space(array, photometric, "RGB")
                shape = (frames, int(ds.Rows), int(ds.Columns), samples)
                data = np.asarray(array, dtype=np.float64).reshape(shape)
                file = f"{len(index):04d}.f64"
                data.astype("<f8").tofile(os.path.join(out, file))
                entry.update(status="pixels", file=file, shape=list(shape), photometric=photometric)
        except Exception as e:  # pydicom could not decode it: no reference for this file
            entry.update(status="error", error=f"{type(e).__name__}: {e}"[:300])
        index.append(entry)
with open(os.path.join(out, "index.json"), "w") as f:
    json.dump(index, f, indent=1)
print(len(index))
