"""xray-anomaly: a convolutional autoencoder; images it reconstructs badly are anomalies."""
import json
import os
import time

import numpy as np
import torch

import common
import fit
import nets
import phantoms

FOLDER = os.path.join(common.MODELS, "xray-anomaly")
# The window the sample radiographs carry (the full 12-bit range): the "dicom" rule applies it.
CENTER, WIDTH = 2048.0, 4096.0
PERCENTILE = 97.5


def preprocess(stored):
    return common.area_downscale_2x(common.fixed_window(stored, CENTER, WIDTH))[:, None]


def make(rng, count, anomaly):
    return np.stack([np.round(phantoms.radiograph(rng, anomaly)) for _ in range(count)])


def main():
    common.seed_everything()
    rng = np.random.default_rng(common.SEED + 2)
    started = time.time()
    train = make(rng, 3000, False)
    calibration = make(rng, 400, False)
    test_normal, test_anomaly = make(rng, 400, False), make(rng, 400, True)
    print("xray: 3000 training normals, 400 calibration normals, 400+400 held out", flush=True)

    net = fit.train_autoencoder(nets.Autoencoder(), preprocess(train), epochs=15, rng=rng)
    model = nets.WithReconstructionError(net).eval()
    mse = lambda images: fit.predict(lambda t: model(t)[0], preprocess(images))
    threshold = float(np.percentile(mse(calibration), PERCENTILE))
    normal_scores, anomaly_scores = mse(test_normal), mse(test_anomaly)
    scores = np.concatenate([normal_scores, anomaly_scores])
    labels = np.concatenate([np.zeros(len(normal_scores)), np.ones(len(anomaly_scores))]).astype(np.int64)
    roc_auc = common.auc(scores, labels)
    detected = float((anomaly_scores > threshold).mean())
    false_alarms = float((normal_scores > threshold).mean())
    print(f"xray: threshold {threshold:.6f}, AUC {roc_auc:.4f}, sensitivity {detected:.3f}, false alarms {false_alarms:.3f}", flush=True)

    held_out = preprocess(np.concatenate([test_normal[:2], test_anomaly[:2]]))
    exported = nets.ExportedAutoencoder(net).eval()
    names = ["reconstruction_mse", "reconstruction", "embedding"]
    common.export(exported, FOLDER, torch.from_numpy(held_out[:1]), names)
    common.write_golden(FOLDER, held_out, names, exported)
    manifest = common.write_manifest(FOLDER, {
        "modelType": "xray-anomaly",
        "name": "Radiograph anomaly detector (autoencoder)",
        "version": "1.0.0",
        "file": "model.onnx",
        "task": "anomaly",
        "input": {"name": "image", "shape": [-1, 1, 64, 64]},
        "outputs": {"reconstructionMse": "reconstruction_mse", "reconstruction": "reconstruction", "embedding": "embedding"},
        "preprocessing": {
            "targetWidth": 64, "targetHeight": 64, "resize": "area",
            "windowing": {"rule": "dicom"},
            "channels": "gray", "invertMonochrome1": True,
            "normalization": {"kind": "range", "min": 0, "max": 1}},
        "threshold": round(threshold, 8),
        "thresholdCalibration": f"{PERCENTILE:g}th percentile of reconstruction MSE on 400 held-out normal radiographs",
        "aggregation": {"rule": "max-mse"},
        "supports": {"modalities": ["CR", "DX"], "sopClassUids": [
            "1.2.840.10008.5.1.4.1.1.1", "1.2.840.10008.5.1.4.1.1.1.1", "1.2.840.10008.5.1.4.1.1.1.1.1"]},
        "golden": "golden/golden.json",
    })
    samples = []
    for name, images, scores_of, wanted in (("normal", test_normal, normal_scores, False), ("anomaly", test_anomaly, anomaly_scores, True)):
        picks = [i for i in range(len(images)) if (scores_of[i] > threshold) == wanted][:8]
        for k, index in enumerate(picks):
            samples.append((f"{name}-{k}", images[index].astype(np.uint16), {
                "label": name, "reconstructionMse": round(float(scores_of[index]), 8),
                "windowCenter": CENTER, "windowWidth": WIDTH, "bitsStored": 12}))
    common.write_samples(FOLDER, samples)
    metrics = {"threshold": round(threshold, 8), "thresholdPercentile": PERCENTILE, "heldOutAuc": round(roc_auc, 4),
               "sensitivityAtThreshold": round(detected, 4), "falseAlarmRateAtThreshold": round(false_alarms, 4),
               "heldOutNormals": 400, "heldOutAnomalies": 400, "training": 3000,
               "trainingSeconds": round(time.time() - started, 1), "sha256": manifest["sha256"]}
    common.write_json(os.path.join(FOLDER, "metrics.json"), metrics)
    print(json.dumps(metrics), flush=True)
    return metrics


if __name__ == "__main__":
    main()
