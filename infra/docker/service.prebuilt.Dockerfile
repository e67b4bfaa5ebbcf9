# One MedPipeline executable where no registry is reachable: its output of `dotnet publish` on the host
# (infra/docker/build-images.sh; framework-dependent) on RUNTIME_IMAGE, which carries the runtime, models, user,
# paths, entry point and health check script (infra/docker/dotnet-runtime.Dockerfile). infra/service.Dockerfile
# is the same image made the upstream way, published inside Microsoft's SDK image.
ARG RUNTIME_IMAGE=medpipeline/dotnet-runtime:local
FROM ${RUNTIME_IMAGE}
COPY . /app
