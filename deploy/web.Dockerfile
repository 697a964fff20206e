# Web front-end (Blazor Server + SignalR) as an Orleans client of the cluster. From the repository root:
#   docker build -f deploy/web.Dockerfile -t mutualaid-web .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Grains.Abstractions/Grains.Abstractions.csproj src/Grains.Abstractions/
COPY src/Silo/Silo.csproj src/Silo/
COPY src/Silo.Sqlite/Silo.Sqlite.csproj src/Silo.Sqlite/
COPY src/Web/Web.csproj src/Web/
RUN dotnet restore src/Web/Web.csproj
COPY src/ src/
RUN dotnet publish src/Web/Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV MutualAid__Hosting=Client \
    MutualAid__Clustering=Redis \
    MutualAid__Storage=Redis \
    MutualAid__Reminders=Redis \
    MutualAid__DataFolder=/tmp/mutualaid \
    ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER $APP_UID
# No HEALTHCHECK here (no curl in the image): compose and Kubernetes probe /healthz and /readyz.
ENTRYPOINT ["dotnet", "MutualAid.Web.dll"]
