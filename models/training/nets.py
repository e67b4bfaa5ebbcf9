"""The three small networks. Softmax and the reconstruction error live inside the exported graphs."""
import torch
from torch import nn


class SmallCnn(nn.Module):
    def __init__(self, classes, channels=(16, 32, 64), global_pool="avg"):
        super().__init__()
        layers, previous = [], 1
        for width in channels:
            layers += [nn.Conv2d(previous, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(), nn.MaxPool2d(2)]
            previous = width
        self.features = nn.Sequential(*layers)
        # Max pooling suits "is there a lesion anywhere"; averaging would dilute a small finding.
        pool = nn.AdaptiveMaxPool2d(1) if global_pool == "max" else nn.AdaptiveAvgPool2d(1)
        self.head = nn.Sequential(pool, nn.Flatten(), nn.Dropout(0.2), nn.Linear(previous, classes))

    def forward(self, x):
        return self.head(self.features(x))


class WithSoftmax(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, image):
        return torch.softmax(self.net(image), dim=1)


class Autoencoder(nn.Module):
    """64x64 -> 8x8x8 bottleneck (512 numbers for 4096 pixels) -> 64x64, sigmoid output in [0, 1].
    A narrow bottleneck keeps it from learning to copy anything, so what it never saw reconstructs badly."""

    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 16, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(32, 8, 3, stride=2, padding=1), nn.ReLU())
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(8, 32, 4, stride=2, padding=1), nn.ReLU(),
            nn.ConvTranspose2d(32, 16, 4, stride=2, padding=1), nn.ReLU(),
            nn.ConvTranspose2d(16, 1, 4, stride=2, padding=1), nn.Sigmoid())

    def forward(self, x):
        return self.decoder(self.encoder(x))


class WithReconstructionError(nn.Module):
    """Outputs (reconstruction_mse [N], reconstruction [N,1,H,W])."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, image):
        reconstruction = self.net(image)
        mse = ((reconstruction - image) ** 2).mean(dim=(1, 2, 3))
        return mse, reconstruction


def classifier_embedding(net, image):
    """The penultimate features: the global pool, flattened (what the last linear layer sees)."""
    return net.head[1](net.head[0](net.features(image)))


def autoencoder_embedding(net, image):
    """The bottleneck (8x8x8) averaged over 2x2 blocks and flattened: 128 numbers per image, small enough to keep
    100,000 series in memory for a similar-case search and still spatial."""
    return torch.flatten(nn.functional.avg_pool2d(net.encoder(image), 2), 1)


class ExportedClassifier(nn.Module):
    """What is exported: (probabilities, embedding)."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, image):
        return torch.softmax(self.net(image), dim=1), classifier_embedding(self.net, image)


class ExportedAutoencoder(nn.Module):
    """What is exported: (reconstruction_mse, reconstruction, embedding)."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, image):
        mse, reconstruction = WithReconstructionError(self.net)(image)
        return mse, reconstruction, autoencoder_embedding(self.net, image)
