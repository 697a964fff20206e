# Standalone Orleans silo for the cluster mode. Build from the repository root:
#   docker build -f deploy/silo.Dockerfile -t mutualaid-silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so code changes reuse the package layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Grains.Abstractions/Grains.Abstractions.csproj src/Grains.Abstractions/
COPY src/Silo/Silo.csproj src/Silo/
COPY src/Silo.Sqlite/Silo.Sqlite.csproj src/Silo.Sqlite/
RUN dotnet restore src/Silo/Silo.csproj
COPY src/Grains.Abstractions/ src/Grains.Abstractions/
COPY src/Silo/ src/Silo/
COPY src/Silo.Sqlite/ src/Silo.Sqlite/
RUN dotnet publish src/Silo/Silo.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .
ENV MutualAid__Clustering=Redis \
    MutualAid__Storage=Redis \
    MutualAid__Reminders=Redis \
    MutualAid__SiloPort=11111 \
    MutualAid__GatewayPort=30000 \
    DOTNET_ENVIRONMENT=Production
# Silo-to-silo and client gateway ports.
EXPOSE 11111 30000
# The images' built-in unprivileged user.
USER $APP_UID
# No HEALTHCHECK: the runtime image has no HTTP client; orchestrators probe the silo port (see k8s/).
ENTRYPOINT ["dotnet", "MutualAid.Silo.dll"]
