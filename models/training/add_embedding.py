"""Adds an `embedding` output to the shipped models without retraining them, so their weights, answers and golden
vectors stay what they were. The trained weights live only in the committed ONNX files (the PyTorch checkpoints were
not kept), so this script:

1. rebuilds each network of nets.py from the ONNX file's weights (batch norm was folded into the convolutions at
   export, so it becomes the identity) and checks that it reproduces the committed golden outputs;
2. adds the same embedding the training scripts now export (nets.classifier_embedding, nets.autoencoder_embedding) as a
   graph output: the classifiers' flattened global pool, the autoencoder's bottleneck averaged over 2x2 blocks;
3. writes the embedding's golden vector from the rebuilt PyTorch network, and the manifest's output name and sha256.

Run from the repository root: /usr/bin/python3 models/training/add_embedding.py
"""
import json
import os
import sys

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper, TensorProto

sys.path.insert(0, os.path.dirname(__file__))
import common  # noqa: E402
import nets  # noqa: E402

MODELS = {
    "ct-lesion-classifier": ("classifier", dict(classes=2, global_pool="max")),
    "digit-classifier": ("classifier", dict(classes=10, global_pool="avg")),
    "xray-anomaly": ("autoencoder", {}),
}


def weights(model):
    return {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in model.graph.initializer}


def load_into(layers, nodes, found, op):
    chosen = [n for n in nodes if n.op_type == op]
    assert len(chosen) == len(layers), f"{op}: {len(chosen)} in the graph, {len(layers)} in the network"
    for layer, node in zip(layers, chosen):
        layer.weight.data.copy_(found[node.input[1]])
        layer.bias.data.copy_(found[node.input[2]])


def rebuild(kind, options, model):
    found, nodes = weights(model), list(model.graph.node)
    if kind == "autoencoder":
        net = nets.Autoencoder()
        load_into([m for m in net.encoder if isinstance(m, torch.nn.Conv2d)], nodes, found, "Conv")
        load_into([m for m in net.decoder if isinstance(m, torch.nn.ConvTranspose2d)], nodes, found, "ConvTranspose")
        return net.eval()
    net = nets.SmallCnn(options["classes"], (16, 32, 64), global_pool=options["global_pool"])
    load_into([m for m in net.features if isinstance(m, torch.nn.Conv2d)], nodes, found, "Conv")
    for norm in (m for m in net.features if isinstance(m, torch.nn.BatchNorm2d)):
        norm.weight.data.fill_(1)
        norm.bias.data.zero_()
        norm.running_mean.zero_()
        norm.running_var.fill_(1 - norm.eps)  # so that sqrt(var + eps) is exactly 1
    gemm = next(n for n in nodes if n.op_type == "Gemm")
    assert any(a.name == "transB" and a.i == 1 for a in gemm.attribute), "the Gemm is expected to hold W as [out, in]"
    load_into([net.head[3]], [gemm], found, "Gemm")
    return net.eval()


def add_output(kind, model, width):
    graph = model.graph
    if any(o.name == "embedding" for o in graph.output):
        raise SystemExit("the model already has an embedding output")
    if kind == "autoencoder":
        bottleneck = [n for n in graph.node if n.op_type == "Relu" and "encoder" in n.output[0]][-1].output[0]
        graph.node.append(helper.make_node("AveragePool", [bottleneck], ["/embedding/AveragePool_output_0"],
                                           name="/embedding/AveragePool", kernel_shape=[2, 2], strides=[2, 2]))
        graph.node.append(helper.make_node("Flatten", ["/embedding/AveragePool_output_0"], ["embedding"],
                                           name="/embedding/Flatten", axis=1))
    else:
        flattened = next(n for n in graph.node if n.op_type == "Flatten").output[0]
        graph.node.append(helper.make_node("Identity", [flattened], ["embedding"], name="/embedding/Identity"))
    graph.output.append(helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", width]))
    onnx.checker.check_model(model)


def main():
    for folder_name, (kind, options) in MODELS.items():
        folder = os.path.join("models", folder_name)
        path = os.path.join(folder, "model.onnx")
        model = onnx.load(path)
        net = rebuild(kind, options, model)
        golden_dir = os.path.join(folder, "golden")
        with open(os.path.join(golden_dir, "golden.json")) as f:
            golden = json.load(f)
        inputs = np.fromfile(os.path.join(golden_dir, golden["input"]["file"]), dtype="<f4").reshape(golden["input"]["shape"])
        x = torch.from_numpy(inputs)
        wrapped = nets.ExportedAutoencoder(net) if kind == "autoencoder" else nets.ExportedClassifier(net)
        with torch.no_grad():
            produced = [t.numpy() for t in wrapped(x)]
        names = [n for n in golden["outputs"] if n != "embedding"]
        for name, value in zip(names, produced):
            expected = np.fromfile(os.path.join(golden_dir, golden["outputs"][name]["file"]), dtype="<f4")
            worst = float(np.abs(value.reshape(-1) - expected).max())
            assert worst <= golden["tolerance"], f"{folder_name}: rebuilt {name} differs from the golden by {worst}"
            print(f"{folder_name}: rebuilt network reproduces {name} (max |diff| {worst:.2e})")
        embedding = np.ascontiguousarray(produced[-1], dtype=np.float32)
        add_output(kind, model, embedding.shape[1])
        onnx.save(model, path)
        embedding.astype("<f4").tofile(os.path.join(golden_dir, "embedding.f32"))
        golden["outputs"]["embedding"] = {"file": "embedding.f32", "shape": list(embedding.shape)}
        with open(os.path.join(golden_dir, "golden.json"), "w") as f:
            json.dump(golden, f, indent=2)
        with open(os.path.join(folder, "model.json")) as f:
            manifest = json.load(f)
        manifest["outputs"]["embedding"] = "embedding"
        manifest["sha256"] = common.sha256(path)
        with open(os.path.join(folder, "model.json"), "w") as f:
            json.dump(manifest, f, indent=2)
            f.write("\n")
        print(f"{folder_name}: embedding output added ({embedding.shape[1]} numbers), sha256 {manifest['sha256']}")


if __name__ == "__main__":
    main()
