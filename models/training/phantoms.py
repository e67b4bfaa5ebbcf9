"""Synthetic images the models are trained on (no data is downloaded). Sizes are 128x128; the
models see them after the pipeline's preprocessing (window, 2x area downscale to 64x64)."""
import numpy as np

SIZE = 128
YY, XX = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)


def ellipse(cx, cy, a, b, angle=0.0):
    c, s = np.cos(angle), np.sin(angle)
    x, y = XX - cx, YY - cy
    u, v = (x * c + y * s) / a, (-x * s + y * c) / b
    return u * u + v * v <= 1.0


def smooth_field(rng, scale):
    """A low-frequency intensity variation (sum of a few broad Gaussians)."""
    field = np.zeros((SIZE, SIZE), np.float32)
    for _ in range(3):
        cx, cy, r = rng.uniform(0, SIZE), rng.uniform(0, SIZE), rng.uniform(30, 80)
        field += rng.uniform(-1, 1) * np.exp(-((XX - cx) ** 2 + (YY - cy) ** 2) / (2 * r * r))
    return field * scale


# --- CT slices in Hounsfield units -----------------------------------------------------------

def ct_slice(rng, lesion):
    """An axial CT-like slice: air, a body with a fat rim, optional lungs, organs, spine and
    bone dots, noise; with `lesion` a hypo- or hyper-dense blob inside soft tissue."""
    hu = np.full((SIZE, SIZE), -1000.0, np.float32)
    cx, cy = 64 + rng.uniform(-6, 6), 64 + rng.uniform(-6, 6)
    a, b = rng.uniform(44, 58), rng.uniform(34, 46)
    body = ellipse(cx, cy, a, b)
    rim = rng.uniform(3, 7)
    inner = ellipse(cx, cy, a - rim, b - rim)
    hu[body] = -100 + rng.normal(0, 10)
    hu[inner] = 40 + rng.normal(0, 8)
    soft = inner.copy()
    if rng.random() < 0.5:
        for side in (-1, 1):
            lung = ellipse(cx + side * a * 0.42, cy - b * 0.15, a * 0.3, b * 0.45, rng.uniform(-0.3, 0.3)) & inner
            hu[lung] = -820 + rng.normal(0, 20)
            soft &= ~lung
    for _ in range(rng.integers(1, 4)):
        organ = ellipse(cx + rng.uniform(-a / 2, a / 2), cy + rng.uniform(-b / 2, b / 2),
                        rng.uniform(8, 20), rng.uniform(6, 16), rng.uniform(0, np.pi)) & soft
        hu[organ] = rng.uniform(30, 60)
    spine = ellipse(cx + rng.uniform(-3, 3), cy + b * 0.6, rng.uniform(5, 8), rng.uniform(5, 8))
    hu[spine] = rng.uniform(700, 1000)
    soft &= ~spine
    for angle in np.linspace(0.3, np.pi - 0.3, rng.integers(4, 8)):
        rib = ellipse(cx + np.cos(angle) * (a - rim - 3), cy - np.sin(angle) * (b - rim - 3), 2.5, 2.5)
        hu[rib & inner] = rng.uniform(400, 800)
        soft &= ~rib
    if lesion:
        add_lesion(rng, hu, soft)
    hu += smooth_field(rng, 8.0) * body
    hu += rng.normal(0, rng.uniform(8, 18), hu.shape).astype(np.float32)
    return hu


def add_lesion(rng, hu, soft):
    candidates = np.argwhere(soft)
    for _ in range(20):
        y, x = candidates[rng.integers(len(candidates))]
        r = rng.uniform(5, 14)
        blob = ellipse(x, y, r, r * rng.uniform(0.6, 1.0), rng.uniform(0, np.pi))
        if (blob & ~soft).sum() <= blob.sum() * 0.2:
            break
    contrast = rng.uniform(120, 220) if rng.random() < 0.6 else -rng.uniform(70, 110)
    edge = np.clip(1.6 - np.sqrt(((XX - x) ** 2 + (YY - y) ** 2)) / (r + 1e-3), 0, 1)
    hu += (blob * edge * contrast).astype(np.float32)


# --- Radiographs (12-bit stored values, MONOCHROME2) -------------------------------------------

def radiograph(rng, anomaly):
    """A chest-radiograph-like image: body, two dark lung fields, mediastinum, spine, rib arcs,
    smooth intensity variation and noise; with `anomaly` a bright nodule or a foreign body."""
    img = np.full((SIZE, SIZE), rng.uniform(150, 300), np.float32)
    cx, cy = 64 + rng.uniform(-5, 5), 66 + rng.uniform(-5, 5)
    scale = rng.uniform(0.9, 1.1)
    body = ellipse(cx, cy, 56 * scale, 62 * scale)
    img[body] = rng.uniform(1600, 2000)
    lungs = np.zeros_like(body)
    for side in (-1, 1):
        lung = ellipse(cx + side * 22 * scale, cy - 4, 16 * scale, 38 * scale, side * rng.uniform(0.0, 0.15))
        lungs |= lung
        img[lung] = rng.uniform(800, 1000)
    heart = ellipse(cx - 6 * scale, cy + 14, 16 * scale, 14 * scale)
    img[heart] = rng.uniform(2100, 2400)
    spine = (np.abs(XX - cx) < 5 * scale) & body
    img[spine] = rng.uniform(2500, 2800)
    for k in range(6):
        y0 = cy - 34 * scale + k * 12 * scale
        arc = (np.abs(YY - (y0 + 0.012 * (XX - cx) ** 2)) < 1.6) & lungs
        img[arc] += rng.uniform(300, 450)
    if anomaly:
        if rng.random() < 0.6:
            y, x = np.argwhere(lungs)[rng.integers(lungs.sum())]
            r = rng.uniform(6, 14)
            img[ellipse(x, y, r, r)] += rng.uniform(1000, 1600)
        elif rng.random() < 0.5:
            x, y = rng.uniform(35, 90), rng.uniform(35, 90)
            img[(np.abs(XX - x) < rng.uniform(5, 10)) & (np.abs(YY - y) < rng.uniform(6, 14))] = 4000
        else:
            x0, y0, x1 = rng.uniform(30, 60), rng.uniform(30, 90), rng.uniform(70, 100)
            slope = rng.uniform(-0.5, 0.5)
            wire = (np.abs(YY - (y0 + slope * (XX - x0))) < 2.5) & (XX > x0) & (XX < x1)
            img[wire] = 3900
    img += smooth_field(rng, 150.0) * body
    img *= rng.uniform(0.9, 1.1)
    img += rng.normal(0, 15, img.shape).astype(np.float32)
    return np.clip(img, 0, 4095)
