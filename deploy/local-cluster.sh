#!/usr/bin/env bash
# Starts a real MutualAid cluster on loopback: redis-server (AOF on), 2 silos and 2 web
# front-ends in client mode, each on its own ports. Used by tests/Cluster and bench/.
#
#   deploy/local-cluster.sh start [state-dir]   # builds if needed, starts, waits until ready
#   deploy/local-cluster.sh stop  [state-dir]   # stops everything it started (SIGTERM, then SIGKILL)
#   deploy/local-cluster.sh status [state-dir]
#
# Ports can be moved with environment variables (defaults in brackets):
#   REDIS_PORT [6390]  SILO_PORTS ["11111 11112"]  GATEWAY_PORTS ["30000 30001"]  WEB_PORTS ["5101 5102"]
# SEED_DEMO=1 makes the first web front-end create the demo network (sign-ins in <state>/web1/demo-accounts.txt).
# CONFIGURATION [Debug] picks the build to run (bench/ runs Release); DASHBOARDS=0 leaves Prometheus and Grafana out.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cmd="${1:-start}"
state="${2:-${MUTUALAID_CLUSTER_DIR:-$root/.cluster}}"
REDIS_PORT="${REDIS_PORT:-6390}"
read -r -a SILO_PORTS <<<"${SILO_PORTS:-11111 11112}"
read -r -a GATEWAY_PORTS <<<"${GATEWAY_PORTS:-30000 30001}"
read -r -a WEB_PORTS <<<"${WEB_PORTS:-5101 5102}"
CONFIGURATION="${CONFIGURATION:-Debug}"

redis_conn="127.0.0.1:${REDIS_PORT}"
cluster_env=(
  "MutualAid__Clustering=Redis" "MutualAid__Storage=Redis" "MutualAid__Reminders=Redis"
  "MutualAid__Redis=${redis_conn}" "MutualAid__ClusterId=local" "MutualAid__ServiceId=mutualaid"
  "MutualAid__AdvertisedAddress=127.0.0.1" "DOTNET_ENVIRONMENT=Production" "ASPNETCORE_ENVIRONMENT=Production"
)

METRICS_BASE_PORT="${METRICS_BASE_PORT:-9464}"

# Prometheus (:9090) and Grafana (:3000, the MutualAid dashboard) when their programs are installed;
# the cluster runs the same without them.
start_dashboards() {
  if command -v prometheus >/dev/null; then
    {
      echo "global: { scrape_interval: 10s }"
      echo "scrape_configs:"
      echo "  - job_name: mutualaid-web"
      printf '    static_configs: [{ targets: [%s] }]\n' "$(printf '"127.0.0.1:%s",' "${WEB_PORTS[@]}" | sed 's/,$//')"
      echo "  - job_name: mutualaid-silo"
      printf '    static_configs: [{ targets: [%s] }]\n' "$(for i in "${!SILO_PORTS[@]}"; do printf '"127.0.0.1:%s",' $((METRICS_BASE_PORT + i)); done | sed 's/,$//')"
    } >"$state/prometheus.yml"
    nohup prometheus --config.file="$state/prometheus.yml" --storage.tsdb.path="$state/prometheus" \
      --web.listen-address=127.0.0.1:9090 >"$state/prometheus.log" 2>&1 &
    echo $! >"$state/prometheus.pid"
    echo "local-cluster: prometheus on http://127.0.0.1:9090"
  fi
  if command -v grafana-server >/dev/null || command -v grafana >/dev/null; then
    local provisioning="$state/grafana-provisioning"
    mkdir -p "$provisioning/datasources" "$provisioning/dashboards"
    sed 's#http://prometheus:9090#http://127.0.0.1:9090#' "$root/deploy/observability/grafana/provisioning/datasources/prometheus.yaml" >"$provisioning/datasources/prometheus.yaml"
    sed "s#/var/lib/grafana/dashboards#$root/deploy/observability/grafana/dashboards#" "$root/deploy/observability/grafana/provisioning/dashboards/mutualaid.yaml" >"$provisioning/dashboards/mutualaid.yaml"
    local grafana=(grafana server); command -v grafana >/dev/null || grafana=(grafana-server)
    GF_PATHS_PROVISIONING="$provisioning" GF_PATHS_DATA="$state/grafana" GF_SERVER_HTTP_ADDR=127.0.0.1 \
      nohup "${grafana[@]}" --homepath "${GRAFANA_HOME:-/usr/share/grafana}" >"$state/grafana.log" 2>&1 &
    echo $! >"$state/grafana.pid"
    echo "local-cluster: grafana on http://127.0.0.1:3000 (admin/admin)"
  fi
}

wait_for() { # description, seconds, command...
  local what="$1" seconds="$2"; shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  echo "local-cluster: $what did not become ready in ${seconds}s; logs in $state" >&2
  return 1
}

start_process() { # name, dll, extra env...
  local name="$1" dll="$2"; shift 2
  env "${cluster_env[@]}" "$@" nohup dotnet "$dll" >"$state/$name.log" 2>&1 &
  echo $! >"$state/$name.pid"
}

case "$cmd" in
  start)
    command -v redis-server >/dev/null || { echo "local-cluster: redis-server is not installed (./test.sh installs it)" >&2; exit 1; }
    mkdir -p "$state"
    silo_dll="$root/src/Silo/bin/$CONFIGURATION/net10.0/MutualAid.Silo.dll"
    web_dll="$root/src/Web/bin/$CONFIGURATION/net10.0/MutualAid.Web.dll"
    if [ ! -f "$silo_dll" ] || [ ! -f "$web_dll" ] || [ "${BUILD:-0}" = 1 ]; then
      dotnet build "$root/MutualAid.sln" -c "$CONFIGURATION" -v quiet -nologo >/dev/null
    fi

    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$state" --appendonly yes --appendfsync everysec \
      --save "" --daemonize yes --pidfile "$state/redis.pid" --logfile "$state/redis.log"
    wait_for "redis on $REDIS_PORT" 10 redis-cli -p "$REDIS_PORT" ping

    for i in "${!SILO_PORTS[@]}"; do
      start_process "silo$((i + 1))" "$silo_dll" \
        "MutualAid__SiloPort=${SILO_PORTS[$i]}" "MutualAid__GatewayPort=${GATEWAY_PORTS[$i]}" \
        "Observability__MetricsPort=$((METRICS_BASE_PORT + i))" "Observability__MetricsHost=127.0.0.1"
    done
    for i in "${!WEB_PORTS[@]}"; do
      seed="MutualAid__SeedDemo=false"
      [ "$i" = 0 ] && [ "${SEED_DEMO:-0}" = 1 ] && seed="MutualAid__SeedDemo=true"
      start_process "web$((i + 1))" "$web_dll" "MutualAid__Hosting=Client" "$seed" "MutualAid__DataFolder=$state/web$((i + 1))" \
        "Urls=http://127.0.0.1:${WEB_PORTS[$i]}" "MutualAid__SiloPort=${SILO_PORTS[0]}" "MutualAid__GatewayPort=${GATEWAY_PORTS[0]}"
    done
    for port in "${WEB_PORTS[@]}"; do
      wait_for "web on $port" 90 curl -fsS "http://127.0.0.1:$port/readyz"
    done
    [ "${DASHBOARDS:-1}" = 0 ] || start_dashboards
    echo "local-cluster: redis ${redis_conn}, silos ${SILO_PORTS[*]}, web ${WEB_PORTS[*]/#/http://127.0.0.1:} (state in $state)"
    ;;
  stop)
    for f in "$state"/web*.pid "$state"/silo*.pid "$state"/prometheus.pid "$state"/grafana.pid; do
      [ -f "$f" ] || continue
      kill "$(cat "$f")" 2>/dev/null || true
    done
    sleep 2
    for f in "$state"/web*.pid "$state"/silo*.pid "$state"/prometheus.pid "$state"/grafana.pid; do
      [ -f "$f" ] || continue
      kill -9 "$(cat "$f")" 2>/dev/null || true
      rm -f "$f"
    done
    if [ -f "$state/redis.pid" ]; then
      redis-cli -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || kill "$(cat "$state/redis.pid")" 2>/dev/null || true
      rm -f "$state/redis.pid"
    fi
    echo "local-cluster: stopped"
    ;;
  status)
    for f in "$state"/*.pid; do
      [ -f "$f" ] || continue
      name="$(basename "$f" .pid)"
      if kill -0 "$(cat "$f")" 2>/dev/null; then echo "$name: running (pid $(cat "$f"))"; else echo "$name: dead"; fi
    done
    ;;
  *)
    echo "usage: $0 start|stop|status [state-dir]" >&2
    exit 2
    ;;
esac
