"""Shared pieces of the training scripts: seeding, the preprocessing our C# pipeline applies,
export to ONNX with golden vectors computed from the exported file, and the manifest."""
import hashlib
import json
import os
import random

import numpy as np
import torch

MODELS = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SEED = 20261122


def seed_everything(seed=SEED):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(2)


def fixed_window(values, center, width):
    """DICOM PS3.3 C.11.2.1.2 linear VOI function, output in [0, 1] (as Preprocessing does)."""
    low = center - 0.5 - (width - 1) / 2
    high = center - 0.5 + (width - 1) / 2
    scaled = (values - (center - 0.5)) / (width - 1) + 0.5
    return np.where(values <= low, 0.0, np.where(values > high, 1.0, scaled)).astype(np.float32)


def area_downscale_2x(images):
    """Exact area resize by a factor of two: 2x2 box average (images: N x H x W)."""
    n, h, w = images.shape
    return images.reshape(n, h // 2, 2, w // 2, 2).mean(axis=(2, 4)).astype(np.float32)


def auc(scores, labels):
    """ROC AUC by the rank statistic (ties averaged)."""
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels, dtype=np.int64)
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    positives = labels.sum()
    negatives = len(labels) - positives
    return float((ranks[labels == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def export(model, folder, example, output_names):
    """Exports with the TorchScript exporter (opset 17, dynamic batch) and checks the file."""
    import onnx

    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "model.onnx")
    model.eval()
    kwargs = dict(
        input_names=["image"],
        output_names=output_names,
        dynamic_axes={"image": {0: "batch"}, **{name: {0: "batch"} for name in output_names}},
        opset_version=17,
        do_constant_folding=True,
    )
    try:
        torch.onnx.export(model, (example,), path, dynamo=False, **kwargs)
    except TypeError:
        torch.onnx.export(model, (example,), path, **kwargs)
    onnx.checker.check_model(onnx.load(path))
    return path


def write_golden(folder, inputs, output_names, model):
    """Golden outputs: the PyTorch model's own outputs for a few held-out inputs. ONNX's reference
    evaluator is not in Debian's python3-onnx 1.12, so the runtime is held to the trained network."""
    golden = os.path.join(folder, "golden")
    os.makedirs(golden, exist_ok=True)
    inputs = np.ascontiguousarray(inputs, dtype=np.float32)
    with torch.no_grad():
        produced = model(torch.from_numpy(inputs))
    outputs = [t.numpy() for t in (produced if isinstance(produced, tuple) else (produced,))]
    inputs.astype("<f4").tofile(os.path.join(golden, "input.f32"))
    described = {}
    for name, value in zip(output_names, outputs):
        value = np.ascontiguousarray(value, dtype=np.float32)
        value.astype("<f4").tofile(os.path.join(golden, f"{name}.f32"))
        described[name] = {"file": f"{name}.f32", "shape": list(value.shape)}
    with open(os.path.join(golden, "golden.json"), "w") as f:
        json.dump({"input": {"file": "input.f32", "shape": list(inputs.shape)}, "outputs": described,
                   "tolerance": 1e-4}, f, indent=2)
    return outputs


def write_manifest(folder, manifest):
    manifest = dict(manifest)
    manifest["sha256"] = sha256(os.path.join(folder, manifest["file"]))
    with open(os.path.join(folder, "model.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    return manifest


def write_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=2)
        f.write("\n")


def write_samples(folder, samples):
    """samples: list of (name, array, extra dict). Raw little-endian files plus samples.json."""
    target = os.path.join(folder, "samples")
    os.makedirs(target, exist_ok=True)
    listed = []
    for name, array, extra in samples:
        dtype = {np.dtype(np.uint8): "uint8", np.dtype(np.uint16): "uint16", np.dtype(np.int16): "int16"}[array.dtype]
        array.astype(array.dtype.newbyteorder("<")).tofile(os.path.join(target, f"{name}.raw"))
        listed.append({"file": f"{name}.raw", "width": int(array.shape[1]), "height": int(array.shape[0]), "dtype": dtype, **extra})
    write_json(os.path.join(target, "samples.json"), {"samples": listed})
