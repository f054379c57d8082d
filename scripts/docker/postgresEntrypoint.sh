#!/usr/bin/env bash
# Entrypoint of the local postgres stand-in (scripts/docker/localBaseImages.sh): the official
# image's behaviour that compose.yaml relies on. On an empty PGDATA: initdb with POSTGRES_USER and
# POSTGRES_PASSWORD, password logins (scram-sha-256) from any address, POSTGRES_DB created, the
# scripts in /docker-entrypoint-initdb.d run; then postgres in the foreground as user postgres.
set -euo pipefail

if [ "${1:-}" != postgres ]; then exec "$@"; fi

# Started as root: own the volume, then run this script again as postgres.
if [ "$(id -u)" = 0 ]; then
	mkdir -p "$PGDATA"
	chown postgres:postgres "$PGDATA" /var/run/postgresql
	chmod 700 "$PGDATA"
	exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
	: "${POSTGRES_PASSWORD:?is not set: the database would accept any network login without it}"
	user="${POSTGRES_USER:-postgres}"
	db="${POSTGRES_DB:-$user}"
	# shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of options, as in the official image
	initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
		--encoding=UTF8 --locale=C.UTF-8 ${POSTGRES_INITDB_ARGS:-} >/dev/null
	printf '\nhost all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
	printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
	# Sockets only while setting up, so that nothing connects over the network before it is done.
	pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
	if [ "$db" != postgres ]; then
		psql -v ON_ERROR_STOP=1 --username "$user" --dbname postgres -q \
			-c "CREATE DATABASE \"$db\""
	fi
	# shellcheck disable=SC1090 # the operator's own set-up scripts, as in the official image
	for file in /docker-entrypoint-initdb.d/*; do
		case "$file" in
		*.sh) . "$file" ;;
		*.sql) psql -v ON_ERROR_STOP=1 --username "$user" --dbname "$db" -q -f "$file" ;;
		esac
	done
	pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
	echo "PostgreSQL init process complete; ready for start up."
fi

exec "$@"
