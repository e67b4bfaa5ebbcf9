#!/usr/bin/env python3
"""Ask MedPipeline for a series prediction without the gateway, as a non-.NET backend would.

1. Upload the series ZIP to the gateway: POST <gateway>/api/archives with the organization's API key
   (X-API-Key) and Content-Type application/zip. It stores the ZIP under the organization's own prefix
   and answers its archive key: a backend that enqueues directly never gets access to the store.
   The orchestrator refuses a command whose archiveKey is not a plain key below archives/<organization>/,
   whose correlation id is not the one of its fields, whose organization is not configured or whose
   model is unknown: it is then never processed (see its "MedPipeline.Audit" log line for the reason).
2. Publish the PredictSeries command to RabbitMQ: the organization's own ingress exchange
   "predict-series-from-<organization>" (fanout, durable, declared by the orchestrator), content type
   application/vnd.masstransit+json, body = the envelope below. This script publishes through the
   RabbitMQ management HTTP API so it needs only the Python standard library; an AMQP client (pika,
   amqplib, ...) publishes the same body to the same exchange. It publishes as the organization's
   ingress user (ingress-<organization>), which may publish to that exchange and do nothing else on the
   broker (no guest, no other exchange, no queue). The orchestrator takes the organization from the
   exchange the broker delivered the command from: a command naming another organization is refused.
3. The outcome arrives as a PUT on the organization's configured callback URL.

Run it against the demo stack (`medpipe demo --start-only` writes .medpipe/endpoints.json):
    python3 infra/examples/direct_enqueue.py --zip dicom_1.2.3_1.2.3.4.zip --study 1.2.3 --series 1.2.3.4 \
        --model-type ct-lesion-classifier --series-id my-backend-id-42
"""
import argparse
import base64
import datetime
import json
import sys
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

# The series' correlation id is a UUIDv5 of organization, study, series and model type (contracts/SeriesCorrelation.cs).
CORRELATION_NAMESPACE = uuid.UUID("6f1c2b1e-8a4d-5c3b-9e27-4d1a0b7c9e55")
INGRESS_EXCHANGE_PREFIX = "predict-series-from-"  # services/lib/MedPipeline.Organizations/OrganizationIngress.cs
MESSAGE_TYPE = "urn:message:MedPipeline.Contracts:PredictSeries"


def correlation_id(organization, study, series, model_type):
    return uuid.uuid5(CORRELATION_NAMESPACE, f"{organization}\n{study}\n{series}\n{model_type}")


def envelope(args, archive_key):
    message_id = uuid.uuid4()
    return message_id, {
        "messageId": str(message_id),
        "messageType": [MESSAGE_TYPE],
        "sentTime": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "headers": {},
        "message": {
            "correlationId": str(correlation_id(args.organization, args.study, args.series, args.model_type)),
            "requestId": str(uuid.uuid4()),
            "seriesId": args.series_id,
            "organization": args.organization,
            "studyInstanceUid": args.study,
            "seriesInstanceUid": args.series,
            "modelType": args.model_type,
            "predictAgain": args.predict_again,
            "archiveKey": archive_key,
            "submittedAt": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        },
    }


def upload(gateway, api_key, zip_path):
    request = urllib.request.Request(f"{gateway.rstrip('/')}/api/archives", method="POST", data=zip_path.read_bytes(),
                                     headers={"Content-Type": "application/zip", "X-API-Key": api_key})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)["archiveKey"]


def publish(management, organization, user, password, message_id, body):
    exchange = INGRESS_EXCHANGE_PREFIX + organization
    url = f"{management.rstrip('/')}/api/exchanges/%2F/{urllib.parse.quote(exchange, safe='')}/publish"
    request = urllib.request.Request(url, method="POST", data=json.dumps({
        "properties": {"content_type": "application/vnd.masstransit+json", "delivery_mode": 2, "message_id": str(message_id)},
        "routing_key": "",
        "payload": json.dumps(body),
        "payload_encoding": "string",
    }).encode(), headers={
        "Content-Type": "application/json",
        "Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode(),
    })
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response).get("routed", False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", required=True, type=Path, help="the series ZIP of .dcm files")
    parser.add_argument("--study", required=True, help="StudyInstanceUID")
    parser.add_argument("--series", required=True, help="SeriesInstanceUID")
    parser.add_argument("--model-type", required=True)
    parser.add_argument("--series-id", required=True, help="your own id of the series; the callback path uses it")
    parser.add_argument("--predict-again", action="store_true")
    parser.add_argument("--endpoints", type=Path, default=Path(".medpipe/endpoints.json"),
                        help="written by medpipe demo; supplies the defaults below")
    parser.add_argument("--organization")
    parser.add_argument("--gateway", help="the gateway's URL (it stores the ZIP)")
    parser.add_argument("--api-key", help="the organization's API key (role submit) for the upload")
    parser.add_argument("--management", help="RabbitMQ management URL")
    parser.add_argument("--user", help="the organization's ingress user (default: ingressUser of the endpoints file)")
    parser.add_argument("--password", help="its password (default: ingressPassword of the endpoints file)")
    args = parser.parse_args()

    endpoints = json.loads(args.endpoints.read_text()) if args.endpoints.exists() else {}
    args.organization = args.organization or endpoints.get("organization")
    user = args.user or endpoints.get("ingressUser")
    password = args.password or endpoints.get("ingressPassword")
    if not (user and password):
        parser.error("--user and --password (the organization's ingress user) are required without a .medpipe/endpoints.json")
    gateway = args.gateway or endpoints.get("gateway")
    api_key = args.api_key or endpoints.get("apiKey")
    management = args.management or endpoints.get("rabbitmqManagement")
    if not (args.organization and gateway and api_key and management):
        parser.error("--organization, --gateway, --api-key and --management are required without a .medpipe/endpoints.json")

    archive_key = upload(gateway, api_key, args.zip)

    message_id, body = envelope(args, archive_key)
    if not publish(management, args.organization, user, password, message_id, body):
        print("not routed: is the orchestrator running (it declares and binds the exchange)?", file=sys.stderr)
        return 1

    print(json.dumps({"correlationId": body["message"]["correlationId"], "messageId": str(message_id), "archiveKey": archive_key}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
