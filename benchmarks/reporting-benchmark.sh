#!/usr/bin/env bash
# The reporting benchmark (docs/benchmarks.md): a fresh single-node broker of its own on port
# 19092 (data in a temporary directory), ReportingLoadDriver against it, the broker stopped after.
# usage: benchmarks/reporting-benchmark.sh [tickets, default 1000000] [days, default 365] [report requests, default 10000]
# Run from anywhere after `mvn -B -q -DskipTests package`; pass -Dservice.jvm=... in DRIVER_OPTS
# to give reporting-service's JVM extra options (e.g. a flight recording).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PORT=19092
data=$(mktemp -d)
java -Xmx512m -cp "local-broker/target/local-broker-0.1.0-SNAPSHOT.jar:local-broker/target/lib/*" \
  cn.gov.xining.hotline.broker.LocalKafkaBroker --data-dir="$data" --port=$PORT --controller-port=$((PORT + 1)) \
  >"$data/broker.log" 2>&1 &
broker=$!
trap 'kill $broker 2>/dev/null; wait $broker 2>/dev/null; rm -rf "$data"' EXIT
until (echo >/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; do
  kill -0 $broker 2>/dev/null || { echo "the broker did not start, see $data/broker.log" >&2; exit 1; }
  sleep 0.5
done
# The reports ask for a manager's token: the run command's identity provider (dev accounts), unless
# one already answers on 9000.
if ! (echo >/dev/tcp/127.0.0.1/9000) 2>/dev/null; then
  java -Xmx256m -jar identity-provider/target/identity-provider-0.1.0-SNAPSHOT-exec.jar \
    --spring.profiles.active=dev >"$data/identity-provider.log" 2>&1 &
  idp=$!
  trap 'kill $broker $idp 2>/dev/null; wait $broker $idp 2>/dev/null; rm -rf "$data"' EXIT
  until curl -sf http://127.0.0.1:9000/.well-known/openid-configuration >/dev/null; do
    kill -0 $idp 2>/dev/null || { echo "the identity provider did not start, see $data/identity-provider.log" >&2; exit 1; }
    sleep 0.5
  done
fi
java ${DRIVER_OPTS:-} -cp benchmarks/target/benchmarks.jar cn.gov.xining.hotline.benchmarks.ReportingLoadDriver \
  127.0.0.1:$PORT "${1:-1000000}" "${2:-365}" "${3:-10000}"
