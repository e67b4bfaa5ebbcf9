# The services' base where no registry is reachable (infra/docker/build-images.sh): the Debian base, the native
# libraries the services load (GDCM in the codec children, libspng, TurboJPEG, ICU) and the host's .NET runtime,
# the one the code was built and tested on. It plays the part of mcr.microsoft.com/dotnet/aspnet (user app, 1654),
# and carries everything infra/service.Dockerfile adds that is the same for every service (the models too), so that
# a service's own image is one COPY. Metadata steps come first: with the vfs storage driver every build step copies
# the whole file system, which is small before the packages are in.
ARG BASE_IMAGE=medpipeline/debian:local
FROM ${BASE_IMAGE}
ENV DOTNET_RUNNING_IN_CONTAINER=true Models__Path=/models Store__Path=/store ASPNETCORE_URLS=http://+:8080
WORKDIR /app
# The executable is the one whose runtimeconfig.json is in /app, unless SERVICE_DLL names it.
ENTRYPOINT ["sh", "-c", "exec dotnet \"/app/${SERVICE_DLL:-$(basename /app/*.runtimeconfig.json .runtimeconfig.json).dll}\""]
# The store volume takes the owner of /store when docker-compose creates it.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       ca-certificates libicu72 libssl3 zlib1g libgdcm-cil libspng0 libturbojpeg0 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1654 --user-group --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
    && mkdir -p /store && chown app:app /store
USER app
# The runtime at /usr/share/dotnet (and /usr/bin/dotnet), the health check script, the models.
COPY . /
