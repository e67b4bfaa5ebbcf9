"""Makes tiny-autoencoder/model.onnx: a bring-your-own-model autoencoder with the contract of the seed-003
peer's ae.onnx (../shared/peers/seed003: input `image` [N,1,H,W], one output `reconstruction` of the same
shape, dynamic batch, opset 17, no MSE in the graph) and the same kind of layers (strided Conv + Relu down,
ConvTranspose + Relu up, Sigmoid last), but 16x16 with 4 and 8 channels so the file stays a few kilobytes.
The peer's 4.3 MB file states no licence, so we commit this stand-in instead of a copy.
Run with Debian's python3 (python3-onnx, python3-numpy; PyTorch is not needed):
    /usr/bin/python3 tests/TestModels/tiny-autoencoder/make_model.py
The file is committed with its sha256 in SHA256SUMS; the tests compute the expected MSE themselves."""
import hashlib
import os
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(13)


def weights(name, shape):
    fan_in = int(np.prod(shape[1:]))
    return numpy_helper.from_array((rng.standard_normal(shape) / np.sqrt(fan_in)).astype(np.float32), name)


def bias(name, n):
    return numpy_helper.from_array((0.1 * rng.standard_normal(n)).astype(np.float32), name)


init = [weights("w1", (4, 1, 3, 3)), bias("b1", 4), weights("w2", (8, 4, 3, 3)), bias("b2", 8),
        weights("w3", (8, 4, 4, 4)), bias("b3", 4), weights("w4", (4, 1, 4, 4)), bias("b4", 1)]
down = dict(strides=[2, 2], pads=[1, 1, 1, 1])
up = dict(strides=[2, 2], pads=[1, 1, 1, 1])
nodes = [helper.make_node("Conv", ["image", "w1", "b1"], ["c1"], **down), helper.make_node("Relu", ["c1"], ["r1"]),
         helper.make_node("Conv", ["r1", "w2", "b2"], ["c2"], **down), helper.make_node("Relu", ["c2"], ["r2"]),
         helper.make_node("ConvTranspose", ["r2", "w3", "b3"], ["t3"], **up), helper.make_node("Relu", ["t3"], ["r3"]),
         helper.make_node("ConvTranspose", ["r3", "w4", "b4"], ["t4"], **up), helper.make_node("Sigmoid", ["t4"], ["reconstruction"])]
graph = helper.make_graph(nodes, "tiny_autoencoder",
                          [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 1, 16, 16])],
                          [helper.make_tensor_value_info("reconstruction", TensorProto.FLOAT, ["batch", 1, 16, 16])], initializer=init)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="medpipeline-tests")
model.ir_version = 8
onnx.checker.check_model(model, full_check=True)
path = os.path.join(HERE, "model.onnx")
onnx.save(model, path)
digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
open(os.path.join(HERE, "SHA256SUMS"), "w").write(f"{digest}  model.onnx\n")
print(digest)
