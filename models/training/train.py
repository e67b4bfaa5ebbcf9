"""Trains the shipped models: `train.py [digit-classifier|ct-lesion-classifier|xray-anomaly ...]`."""
import sys

import cards
import train_ct
import train_digits
import train_xray

MODELS = {"digit-classifier": train_digits.main, "ct-lesion-classifier": train_ct.main, "xray-anomaly": train_xray.main}

if __name__ == "__main__":
    names = sys.argv[1:] or list(MODELS)
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        sys.exit(f"unknown model(s): {', '.join(unknown)}; known: {', '.join(MODELS)}")
    for name in names:
        print(f"== {name}", flush=True)
        MODELS[name]()
        cards.write(name)
