#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and CI, run by an ordinary user on 127.0.0.1 (docs/decisions/0102).
#   scripts/pg-cluster.sh start DIR [PORT]   initdb in DIR (made if missing) and start; prints the server's URL
#   scripts/pg-cluster.sh stop DIR           stop it (fast shutdown) and remove DIR
# initdb and postgres refuse to run as root: as root, the cluster runs as the "postgres" user
# (Debian's package makes it), or PG_USER.
set -euo pipefail

command="${1:?usage: pg-cluster.sh start|stop DIR [PORT]}"
dir="${2:?usage: pg-cluster.sh start|stop DIR [PORT]}"
bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [ ! -x "$bin/initdb" ]; then
	echo "pg-cluster: no PostgreSQL server found (apt-get install postgresql, or set PG_BIN)" >&2
	exit 1
fi

as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u "${PG_USER:-postgres}" -- "$@"
	else
		"$@"
	fi
}

case "$command" in
start)
	port="${3:-$(node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")}"
	mkdir -p "$dir"
	if [ "$(id -u)" = 0 ]; then chown "${PG_USER:-postgres}" "$dir"; fi
	chmod 700 "$dir"
	as_owner "$bin/initdb" -D "$dir/data" -U dsm --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	# Tests make a database per worker: enough connections for them, little memory, no durability
	# to wait for (the cluster is thrown away).
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-h 127.0.0.1 -p $port -k $dir -c max_connections=200 -c shared_buffers=32MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
		start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
	echo "postgresql://dsm@127.0.0.1:$port/postgres"
	;;
stop)
	if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
	rm -rf "$dir"
	;;
*)
	echo "usage: pg-cluster.sh start|stop DIR [PORT]" >&2
	exit 2
	;;
esac
