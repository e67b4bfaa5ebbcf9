"""Makes tiny-logits/model.onnx: a classifier that outputs logits (no softmax in the graph), as a model
exported straight from training would: input `image` [N,1,2,2], output `logits` [N,3] = the four pixels
through a fixed linear layer (Gemm), dynamic batch, opset 17.
Run with Debian's python3 (python3-onnx, python3-numpy):
    /usr/bin/python3 tests/TestModels/tiny-logits/make_model.py
The file is committed with its sha256 in SHA256SUMS; the tests compute the expected softmax themselves."""
import hashlib
import os
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
# Weights spread over several units so softmax is far from uniform and its ranking depends on the pixels.
w = numpy_helper.from_array(np.array([[4, -2, 1, 0], [-3, 5, 0, 2], [1, 1, -4, 3]], dtype=np.float32), "w")
b = numpy_helper.from_array(np.array([0.5, -1, 0.25], dtype=np.float32), "b")
flat = numpy_helper.from_array(np.array([-1, 4], dtype=np.int64), "flat_shape")
graph = helper.make_graph(
    [helper.make_node("Reshape", ["image", "flat_shape"], ["flat"]),
     helper.make_node("Gemm", ["flat", "w", "b"], ["logits"], transB=1)],
    "tiny_logits",
    [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 1, 2, 2])],
    [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 3])], initializer=[w, b, flat])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="medpipeline-tests")
model.ir_version = 8
onnx.checker.check_model(model, full_check=True)
path = os.path.join(HERE, "model.onnx")
onnx.save(model, path)
digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
open(os.path.join(HERE, "SHA256SUMS"), "w").write(f"{digest}  model.onnx\n")
print(digest)
