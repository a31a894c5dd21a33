# Sourced by the benchmark scripts: NSD serving one zone file on a free 127.0.0.1 port, RRL off (with RRL on,
# NSD answers a sweep at ~200 q/s and the figures would measure its rate limiter).
#   start_nsd WORKDIR ZONEFILE ORIGIN   → sets nsd_port, waits until NSD answers SOA
#   stop_nsd WORKDIR                    → stops it and waits until it has written its state files
free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_nsd() {
  local work=$1 zonefile=$2 origin=$3
  nsd_port=$(free_port)
  cat >"$work/nsd.conf" <<CONF
server:
  ip-address: 127.0.0.1@$nsd_port
  port: $nsd_port
  username: ""
  database: ""
  zonesdir: "$work"
  pidfile: "$work/nsd.pid"
  logfile: "$work/nsd.log"
  zonelistfile: "$work/zone.list"
  xfrdfile: "$work/xfrd.state"
  server-count: 1
  rrl-ratelimit: 0
  rrl-whitelist-ratelimit: 0
remote-control:
  control-enable: no
zone:
  name: "$origin"
  zonefile: "$zonefile"
CONF
  nsd -c "$work/nsd.conf"
  for _ in $(seq 1 100); do
    [ -s "$work/nsd.pid" ] && dig +short +time=1 +tries=1 @127.0.0.1 -p "$nsd_port" "$origin" SOA >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "nsd did not answer on 127.0.0.1:$nsd_port ($work/nsd.log)" >&2
  return 1
}

stop_nsd() {
  local work=$1
  [ -f "$work/nsd.pid" ] || return 0
  local pid; pid=$(cat "$work/nsd.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
}
