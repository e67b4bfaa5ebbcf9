# One image per MedPipeline executable: docker build -f infra/service.Dockerfile --build-arg PROJECT=MedPipeline.Unpacker .
# (PROJECT_DIR=services/dev/MedPipeline.SampleBackend for the sample backend). The upstream path: published in
# Microsoft's SDK image, run on RUNTIME_IMAGE. Where no registry is reachable, infra/compose.host-network.yml builds
# infra/docker/service.prebuilt.Dockerfile instead (same user, paths and entry point; see docs/deployment.md).
ARG PROJECT
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0-bookworm-slim

FROM mcr.microsoft.com/dotnet/sdk:10.0-bookworm-slim AS build
ARG PROJECT
ARG PROJECT_DIR=services/${PROJECT}
WORKDIR /src
COPY . .
# ONNX Runtime's native library is published from the Microsoft.ML.OnnxRuntime package (runtimes/linux-x64/native).
RUN dotnet publish "${PROJECT_DIR}/${PROJECT}.csproj" -c Release -o /app

FROM ${RUNTIME_IMAGE}
ARG PROJECT
USER root
RUN apt-get update && apt-get install -y --no-install-recommends libgdcm-cil libspng0 libturbojpeg0 && rm -rf /var/lib/apt/lists/*
COPY infra/docker/http-ready.sh /usr/local/bin/http-ready
COPY --from=build /app /app
COPY models /models
# The store volume takes this owner when docker-compose creates it.
RUN mkdir -p /store && chown app:app /store
ENV Models__Path=/models Store__Path=/store ASPNETCORE_URLS=http://+:8080 \
    SERVICE_DLL=${PROJECT}.dll
WORKDIR /app
USER app
ENTRYPOINT ["sh", "-c", "exec dotnet \"/app/$SERVICE_DLL\""]
