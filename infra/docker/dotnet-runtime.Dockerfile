# The services' base where no registry is reachable (infra/docker/build-images.sh): the Debian base, the native
# libraries the services load (GDCM in the codec children, libspng, TurboJPEG, ICU) and the host's .NET runtime,
# the one the code was built and tested on. It plays the part of mcr.microsoft.com/dotnet/aspnet, user app (1654) included.
ARG BASE_IMAGE=medpipeline/debian:local
FROM ${BASE_IMAGE}
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       ca-certificates libicu72 libssl3 zlib1g libgdcm-cil libspng0 libturbojpeg0 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1654 --user-group --home-dir /app --no-create-home --shell /usr/sbin/nologin app
COPY dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_RUNNING_IN_CONTAINER=true ASPNETCORE_HTTP_PORTS=8080
