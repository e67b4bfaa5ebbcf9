# One image per MedPipeline executable: docker build -f infra/service.Dockerfile --build-arg PROJECT=MedPipeline.Unpacker .
# Not exercised by the test suite (no Docker engine where it runs); infra/demo.sh runs the same executables without Docker.
ARG PROJECT

FROM node:22-bookworm-slim AS onnxruntime
# Only the native library is taken from the npm package (its install script is never run); sha256 as in infra/versions.env.
WORKDIR /ort
COPY infra/versions.env .
RUN . ./versions.env && npm pack "onnxruntime-node@${ORT_VERSION}" --silent \
 && tar -xzf "onnxruntime-node-${ORT_VERSION}.tgz" "package/${ORT_NPM_PATH}" \
 && echo "${ORT_SHA256}  package/${ORT_NPM_PATH}" | sha256sum -c - \
 && cp "package/${ORT_NPM_PATH}" /ort/libonnxruntime.so.1

FROM mcr.microsoft.com/dotnet/sdk:10.0-bookworm-slim AS build
ARG PROJECT
WORKDIR /src
COPY . .
RUN dotnet publish "services/${PROJECT}/${PROJECT}.csproj" -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0-bookworm-slim
ARG PROJECT
RUN apt-get update && apt-get install -y --no-install-recommends libgdcm-cil libspng0 libturbojpeg0 && rm -rf /var/lib/apt/lists/*
COPY --from=onnxruntime /ort/libonnxruntime.so.1 /opt/onnxruntime/libonnxruntime.so.1
COPY --from=build /app /app
COPY models /models
ENV MEDPIPE_ONNXRUNTIME_PATH=/opt/onnxruntime/libonnxruntime.so.1 Models__Path=/models Store__Path=/store ASPNETCORE_URLS=http://+:8080 \
    SERVICE_DLL=${PROJECT}.dll
WORKDIR /app
USER app
ENTRYPOINT ["sh", "-c", "exec dotnet \"/app/$SERVICE_DLL\""]
