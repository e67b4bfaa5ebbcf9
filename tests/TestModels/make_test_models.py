"""Makes the tiny ONNX models the binding's tests use. Run with Debian's python3 (python3-onnx):
    /usr/bin/python3 tests/TestModels/make_test_models.py
The outputs are committed; the tests compute the expected values by hand."""
import os
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
OPSET = [helper.make_opsetid("", 17)]


def save(graph, name):
    model = helper.make_model(graph, opset_imports=OPSET, producer_name="medpipeline-tests")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(HERE, name))


# softmax4: x[batch,4] -> probabilities[batch,4]
save(helper.make_graph(
    [helper.make_node("Softmax", ["x"], ["probabilities"], axis=1)],
    "softmax4",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 4])],
    [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", 4])]), "softmax4.onnx")

# affine: image[batch,1,2,2] -> scaled = 2*image+1 (same shape), total = sum over C,H,W [batch]
two = numpy_helper.from_array(np.array(2.0, dtype=np.float32), "two")
one = numpy_helper.from_array(np.array(1.0, dtype=np.float32), "one")
axes = numpy_helper.from_array(np.array([1, 2, 3], dtype=np.int64), "axes")
save(helper.make_graph(
    [helper.make_node("Mul", ["image", "two"], ["doubled"]),
     helper.make_node("Add", ["doubled", "one"], ["scaled"]),
     helper.make_node("ReduceSum", ["scaled", "axes"], ["total"], keepdims=0)],
    "affine",
    [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 1, 2, 2])],
    [helper.make_tensor_value_info("scaled", TensorProto.FLOAT, ["batch", 1, 2, 2]),
     helper.make_tensor_value_info("total", TensorProto.FLOAT, ["batch"])],
    initializer=[two, one, axes]), "affine.onnx")

# boxblur: image[batch,1,8,8] -> 3x3 mean filter with zero padding
weights = numpy_helper.from_array(np.full((1, 1, 3, 3), 1.0 / 9.0, dtype=np.float32), "w")
save(helper.make_graph(
    [helper.make_node("Conv", ["image", "w"], ["blurred"], pads=[1, 1, 1, 1])],
    "boxblur",
    [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 1, 8, 8])],
    [helper.make_tensor_value_info("blurred", TensorProto.FLOAT, ["batch", 1, 8, 8])],
    initializer=[weights]), "boxblur.onnx")
# tiny-classifier: image[batch,1,2,2] -> probabilities[batch,4] = softmax of the four pixels
shape = numpy_helper.from_array(np.array([-1, 4], dtype=np.int64), "flat_shape")
save(helper.make_graph(
    [helper.make_node("Reshape", ["image", "flat_shape"], ["flat"]),
     helper.make_node("Softmax", ["flat"], ["probabilities"], axis=1)],
    "tiny_classifier",
    [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 1, 2, 2])],
    [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", 4])],
    initializer=[shape]), "tiny-classifier.onnx")

# tiny-anomaly: image[batch,1,2,2] -> reconstruction_mse[batch] = mean((image - 0.5)^2)
half = numpy_helper.from_array(np.array(0.5, dtype=np.float32), "half")
save(helper.make_graph(
    [helper.make_node("Sub", ["image", "half"], ["error"]),
     helper.make_node("Mul", ["error", "error"], ["squared"]),
     helper.make_node("ReduceMean", ["squared"], ["reconstruction_mse"], axes=[1, 2, 3], keepdims=0)],
    "tiny_anomaly",
    [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 1, 2, 2])],
    [helper.make_tensor_value_info("reconstruction_mse", TensorProto.FLOAT, ["batch"])],
    initializer=[half]), "tiny-anomaly.onnx")
# tiny-fixed-batch: like tiny-classifier, but its output declares a fixed batch of 1 while the input's
# batch is dynamic; the registry must refuse it (the pipeline runs batches).
fixed_shape = numpy_helper.from_array(np.array([1, 4], dtype=np.int64), "fixed_shape")
save(helper.make_graph(
    [helper.make_node("Reshape", ["image", "fixed_shape"], ["flat"]),
     helper.make_node("Softmax", ["flat"], ["probabilities"], axis=1)],
    "tiny_fixed_batch",
    [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 1, 2, 2])],
    [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [1, 4])],
    initializer=[fixed_shape]), "tiny-fixed-batch.onnx")
print("wrote softmax4, affine, boxblur, tiny-classifier, tiny-anomaly, tiny-fixed-batch")
