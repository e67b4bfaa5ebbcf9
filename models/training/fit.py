"""Small training loops (CPU, fixed seeds)."""
import numpy as np
import torch
from torch import nn


def batches(n, size, rng):
    order = rng.permutation(n)
    for start in range(0, n, size):
        yield order[start:start + size]


def train_classifier(net, x, y, epochs, rng, lr=2e-3, augment=None):
    optimiser = torch.optim.Adam(net.parameters(), lr=lr)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, epochs)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        net.train()
        total = 0.0
        for index in batches(len(x), 64, rng):
            batch = x[index] if augment is None else augment(x[index], rng)
            optimiser.zero_grad()
            loss = loss_fn(net(torch.from_numpy(batch)), torch.from_numpy(y[index]))
            loss.backward()
            optimiser.step()
            total += loss.item() * len(index)
        schedule.step()
        print(f"  epoch {epoch + 1}/{epochs}: loss {total / len(x):.4f}", flush=True)
    net.eval()
    return net


def train_autoencoder(net, x, epochs, rng, lr=2e-3):
    optimiser = torch.optim.Adam(net.parameters(), lr=lr)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, epochs)
    for epoch in range(epochs):
        net.train()
        total = 0.0
        for index in batches(len(x), 64, rng):
            batch = torch.from_numpy(x[index])
            optimiser.zero_grad()
            loss = ((net(batch) - batch) ** 2).mean()
            loss.backward()
            optimiser.step()
            total += loss.item() * len(index)
        schedule.step()
        print(f"  epoch {epoch + 1}/{epochs}: mse {total / len(x):.6f}", flush=True)
    net.eval()
    return net


def predict(net, x, size=256):
    with torch.no_grad():
        return np.concatenate([net(torch.from_numpy(x[i:i + size])).numpy() for i in range(0, len(x), size)])
