# One image per MedPipeline executable: docker build -f infra/service.Dockerfile --build-arg PROJECT=MedPipeline.Unpacker .
# Not exercised by the test suite (no Docker engine where it runs); infra/demo.sh runs the same executables without Docker.
ARG PROJECT

FROM mcr.microsoft.com/dotnet/sdk:10.0-bookworm-slim AS build
ARG PROJECT
WORKDIR /src
COPY . .
# ONNX Runtime's native library is published from the Microsoft.ML.OnnxRuntime package (runtimes/linux-x64/native).
RUN dotnet publish "services/${PROJECT}/${PROJECT}.csproj" -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0-bookworm-slim
ARG PROJECT
RUN apt-get update && apt-get install -y --no-install-recommends libgdcm-cil libspng0 libturbojpeg0 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
COPY models /models
ENV Models__Path=/models Store__Path=/store ASPNETCORE_URLS=http://+:8080 \
    SERVICE_DLL=${PROJECT}.dll
WORKDIR /app
USER app
ENTRYPOINT ["sh", "-c", "exec dotnet \"/app/$SERVICE_DLL\""]
