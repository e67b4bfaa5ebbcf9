"""ct-lesion-classifier: normal / lesion on synthetic CT-like slices in Hounsfield units."""
import json
import os
import time

import numpy as np
import torch

import common
import fit
import nets
import phantoms

FOLDER = os.path.join(common.MODELS, "ct-lesion-classifier")
CENTER, WIDTH = 40.0, 400.0
INTERCEPT = -1024


def preprocess(hu):
    """What the C# pipeline does for this manifest: fixed window 40/400, area 128->64, range [0,1]."""
    return common.area_downscale_2x(common.fixed_window(hu, CENTER, WIDTH))[:, None]


def make(rng, count):
    labels = (np.arange(count) % 2).astype(np.int64)
    rng.shuffle(labels)
    hu = np.stack([phantoms.ct_slice(rng, bool(label)) for label in labels])
    # What a scanner stores: unsigned values with intercept -1024.
    hu = np.clip(np.round(hu), INTERCEPT, 4095 + INTERCEPT)
    return hu, labels


def main():
    common.seed_everything()
    rng = np.random.default_rng(common.SEED + 1)
    started = time.time()
    train_hu, y_train = make(rng, 4000)
    test_hu, y_test = make(rng, 1000)
    x_train, x_test = preprocess(train_hu), preprocess(test_hu)
    print(f"ct: {len(x_train)} training, {len(x_test)} held out", flush=True)

    net = fit.train_classifier(nets.SmallCnn(2, (16, 32, 64), global_pool="max"), x_train, y_train, epochs=12, rng=rng)
    model = nets.WithSoftmax(net).eval()
    probabilities = fit.predict(model, x_test)
    accuracy = float((probabilities.argmax(1) == y_test).mean())
    roc_auc = common.auc(probabilities[:, 1], y_test)
    print(f"ct: held-out accuracy {accuracy:.4f}, AUC {roc_auc:.4f}", flush=True)

    exported = nets.ExportedClassifier(net).eval()
    common.export(exported, FOLDER, torch.from_numpy(x_test[:1]), ["probabilities", "embedding"])
    common.write_golden(FOLDER, x_test[:4], ["probabilities", "embedding"], exported)
    manifest = common.write_manifest(FOLDER, {
        "modelType": "ct-lesion-classifier",
        "name": "CT lesion classifier",
        "version": "1.0.0",
        "file": "model.onnx",
        "task": "classification",
        "input": {"name": "image", "shape": [-1, 1, 64, 64]},
        "outputs": {"probabilities": "probabilities", "embedding": "embedding"},
        "preprocessing": {
            "targetWidth": 64, "targetHeight": 64, "resize": "area",
            "windowing": {"rule": "fixed", "center": CENTER, "width": WIDTH},
            "channels": "gray", "invertMonochrome1": True,
            "normalization": {"kind": "range", "min": 0, "max": 1}},
        "labels": ["normal", "lesion"],
        "aggregation": {"rule": "max-positive", "positiveLabel": "lesion"},
        "supports": {"modalities": ["CT"], "sopClassUids": ["1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.2.1"]},
        "golden": "golden/golden.json",
    })
    samples = []
    for label, name in ((0, "normal"), (1, "lesion")):
        confident = [i for i in np.flatnonzero(y_test == label) if probabilities[i].argmax() == label][:8]
        for k, index in enumerate(confident):
            stored = (test_hu[index] - INTERCEPT).astype(np.uint16)
            samples.append((f"{name}-{k}", stored, {"label": name, "predicted": name,
                                                    "probability": round(float(probabilities[index, label]), 4),
                                                    "rescaleSlope": 1, "rescaleIntercept": INTERCEPT,
                                                    "windowCenter": CENTER, "windowWidth": WIDTH}))
    common.write_samples(FOLDER, samples)
    metrics = {"heldOutAccuracy": round(accuracy, 4), "heldOutAuc": round(roc_auc, 4), "heldOut": int(len(x_test)),
               "training": int(len(x_train)), "trainingSeconds": round(time.time() - started, 1), "sha256": manifest["sha256"]}
    common.write_json(os.path.join(FOLDER, "metrics.json"), metrics)
    print(json.dumps(metrics), flush=True)
    return metrics


if __name__ == "__main__":
    main()
