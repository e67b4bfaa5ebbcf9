# One MedPipeline executable where no registry is reachable: published on the host by infra/docker/build-images.sh
# (framework-dependent, the runtime is in RUNTIME_IMAGE) instead of inside the SDK image as infra/service.Dockerfile
# does. The rest (user, paths, entry point, health check) is the same as there.
ARG RUNTIME_IMAGE=medpipeline/dotnet-runtime:local
FROM ${RUNTIME_IMAGE}
ARG PROJECT
COPY http-ready.sh /usr/local/bin/http-ready
COPY models /models
COPY published/${PROJECT} /app
# The store volume takes this owner when docker-compose creates it.
RUN mkdir -p /store && chown app:app /store
ENV Models__Path=/models Store__Path=/store ASPNETCORE_URLS=http://+:8080 SERVICE_DLL=${PROJECT}.dll
WORKDIR /app
USER app
ENTRYPOINT ["sh", "-c", "exec dotnet \"/app/$SERVICE_DLL\""]
