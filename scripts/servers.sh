#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Starts or stops private PostgreSQL 15 and MariaDB 10.11 servers for the tests.
#
# Usage: scripts/servers.sh start DIR   # DIR: an empty temporary directory
#        scripts/servers.sh stop DIR    # always succeeds
#
# Both servers listen on 127.0.0.1 only, each on a free TCP port, and keep their data,
# sockets and logs under DIR, so they never touch (or conflict with) a system instance.
# `start` writes DIR/env.sh, which exports JUNCTION_PG_* and JUNCTION_MYSQL_*
# (HOST, PORT, USER, PASSWORD, DATABASE) for the tests.
set -euo pipefail

readonly PG_BIN=/usr/lib/postgresql/15/bin
readonly TEST_USER=junction
readonly TEST_PASSWORD=junction-test
readonly TEST_DATABASE=junction_test
readonly START_TIMEOUT=60 # seconds; a cold MariaDB on a loaded CI machine takes ~5
readonly STOP_TIMEOUT=30

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}

[[ $# -eq 2 ]] || usage
action=$1
if [[ "$action" == stop && ! -d "$2" ]]; then
    exit 0 # nothing was started there
fi
mkdir -p "$2"
dir=$(cd "$2" && pwd)

pg_dir=$dir/postgres
pg_data=$pg_dir/data
pg_run=$pg_dir/run
pg_log=$dir/postgres.log
my_dir=$dir/mariadb
my_data=$my_dir/data
my_run=$my_dir/run
my_tmp=$my_dir/tmp
my_log=$dir/mariadb.log
my_pid=$my_run/mariadbd.pid
my_socket=$my_run/mariadbd.sock

# initdb and postgres refuse to run as root, and a root mariadbd needs --user=root; both
# are better off unprivileged anyway. As root we use the system users that the Debian
# packages create; as anyone else we simply run as ourselves.
if [[ $(id -u) -eq 0 ]]; then
    pg_user=postgres
    my_user=mysql
else
    pg_user=$(id -un)
    my_user=$(id -un)
fi

as_user() {
    local user=$1
    shift
    if [[ $(id -un) == "$user" ]]; then
        "$@"
    else
        runuser -u "$user" -- "$@"
    fi
}

die() {
    echo "servers.sh: $*" >&2
    exit 1
}

log_tail() {
    local log=$1
    echo "----- last lines of $log -----" >&2
    tail -n 30 "$log" >&2 2>/dev/null || echo "(no log written)" >&2
    echo "-----" >&2
}

# Something answers on the port: it is taken. Bash's /dev/tcp avoids needing ss/netstat.
port_in_use() {
    timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# A random port from a range that Linux does not hand out as ephemeral ports by default
# (those start at 32768), so a client's outgoing connection cannot grab it meanwhile.
free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 12000))
        if ! port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    die "no free TCP port found on 127.0.0.1"
}

# wait_until NAME LOG PID COMMAND...: polls COMMAND until it succeeds; gives up with the
# log tail when the server process dies or START_TIMEOUT passes.
wait_until() {
    local name=$1 log=$2 pid=$3
    shift 3
    local deadline=$((SECONDS + START_TIMEOUT))
    until "$@" >/dev/null 2>&1; do
        if ! kill -0 "$pid" 2>/dev/null; then
            log_tail "$log"
            die "$name exited during startup (log: $log)"
        fi
        if ((SECONDS >= deadline)); then
            log_tail "$log"
            die "$name did not answer within ${START_TIMEOUT}s (log: $log)"
        fi
        sleep 0.2
    done
}

# Quotes a value for a postgresql.conf string literal.
pg_conf_string() {
    printf "'%s'" "${1//\'/\'\'}"
}

start_postgres() {
    local port=$1
    mkdir -p "$pg_data" "$pg_run"
    chown -R "$pg_user" "$pg_dir"
    chmod 700 "$pg_data"
    as_user "$pg_user" test -w "$pg_data" ||
        die "user $pg_user cannot write $pg_data: DIR and its parents must be traversable"
    : >"$pg_log"
    chown "$pg_user" "$pg_log"

    # Peer-less "trust" on the private socket lets this script create the role without a
    # superuser password; TCP needs a real password so that wrong-password tests mean
    # something. C locale + UTF8: identical behaviour everywhere, Unicode names work.
    as_user "$pg_user" "$PG_BIN/initdb" --pgdata="$pg_data" --username=postgres \
        --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C --no-sync >>"$pg_log" 2>&1 ||
        {
            log_tail "$pg_log"
            die "PostgreSQL initdb failed (log: $pg_log)"
        }

    # Test data is disposable: skip every durability cost.
    cat >>"$pg_data/postgresql.conf" <<CONF

# scripts/servers.sh: private test instance
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = $(pg_conf_string "$pg_run")
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
shared_buffers = 32MB
CONF

    # Without -w pg_ctl returns at once; our own loop below gives the uniform error.
    as_user "$pg_user" "$PG_BIN/pg_ctl" --pgdata="$pg_data" --log="$pg_log" \
        --silent start >/dev/null 2>&1 || true
    local deadline=$((SECONDS + 10))
    until [[ -s "$pg_data/postmaster.pid" ]]; do
        if ((SECONDS >= deadline)); then
            log_tail "$pg_log"
            die "PostgreSQL did not start (log: $pg_log)"
        fi
        sleep 0.1
    done
    local pid
    pid=$(head -n 1 "$pg_data/postmaster.pid")
    wait_until PostgreSQL "$pg_log" "$pid" \
        "$PG_BIN/pg_isready" --quiet --host="$pg_run" --port="$port" --username=postgres

    # Statement text, not psql variables: these names and the password are constants.
    "$PG_BIN/psql" --no-psqlrc --quiet --set=ON_ERROR_STOP=1 \
        --host="$pg_run" --port="$port" --username=postgres --dbname=postgres \
        -c "CREATE ROLE $TEST_USER LOGIN CREATEDB PASSWORD '$TEST_PASSWORD'" \
        -c "CREATE DATABASE $TEST_DATABASE OWNER $TEST_USER ENCODING 'UTF8'" \
        >>"$pg_log" 2>&1 ||
        {
            log_tail "$pg_log"
            die "could not create the PostgreSQL test role/database (log: $pg_log)"
        }
}

start_mariadb() {
    local port=$1
    mkdir -p "$my_data" "$my_run" "$my_tmp"
    chown -R "$my_user" "$my_dir"
    : >"$my_log"
    chown "$my_user" "$my_log"

    # --no-defaults everywhere: the system's /etc/mysql configuration (socket, datadir,
    # port) must not leak into the private instance.
    as_user "$my_user" mariadb-install-db --no-defaults --datadir="$my_data" \
        --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
        --tmpdir="$my_tmp" >>"$my_log" 2>&1 ||
        {
            log_tail "$my_log"
            die "mariadb-install-db failed (log: $my_log)"
        }

    # setsid + closed stdio: the server must not hold the caller's terminal or pipes
    # (ctest or $(...) would wait for it forever). Durability is switched off for speed.
    local -a server=(mariadbd --no-defaults --datadir="$my_data" --socket="$my_socket"
        --port="$port" --bind-address=127.0.0.1 --pid-file="$my_pid"
        --log-error="$my_log" --tmpdir="$my_tmp" --skip-name-resolve --skip-log-bin
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
        --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0
        --innodb-buffer-pool-size=64M --max-connections=50)
    if [[ $(id -un) == "$my_user" ]]; then
        setsid "${server[@]}" </dev/null >>"$my_log" 2>&1 &
    else
        setsid runuser -u "$my_user" -- "${server[@]}" </dev/null >>"$my_log" 2>&1 &
    fi
    local pid=$!
    wait_until MariaDB "$my_log" "$pid" \
        mariadb-admin --no-defaults --socket="$my_socket" --user=root ping

    # Both host names: TCP clients arrive as 127.0.0.1 (name resolution is off), socket
    # clients as localhost. The junction\_% grant lets tests create and drop scratch
    # databases without any other rights.
    mariadb --no-defaults --socket="$my_socket" --user=root >>"$my_log" 2>&1 <<SQL ||
CREATE DATABASE $TEST_DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER '$TEST_USER'@'127.0.0.1' IDENTIFIED BY '$TEST_PASSWORD';
CREATE USER '$TEST_USER'@'localhost' IDENTIFIED BY '$TEST_PASSWORD';
GRANT ALL PRIVILEGES ON \`junction\\_%\`.* TO '$TEST_USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`junction\\_%\`.* TO '$TEST_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
        {
            log_tail "$my_log"
            die "could not create the MariaDB test user/database (log: $my_log)"
        }
}

write_env() {
    local pg_port=$1 my_port=$2
    {
        echo "# Written by scripts/servers.sh start; source it to reach the test servers."
        printf 'export JUNCTION_PG_HOST=%q\n' 127.0.0.1
        printf 'export JUNCTION_PG_PORT=%q\n' "$pg_port"
        printf 'export JUNCTION_PG_USER=%q\n' "$TEST_USER"
        printf 'export JUNCTION_PG_PASSWORD=%q\n' "$TEST_PASSWORD"
        printf 'export JUNCTION_PG_DATABASE=%q\n' "$TEST_DATABASE"
        printf 'export JUNCTION_MYSQL_HOST=%q\n' 127.0.0.1
        printf 'export JUNCTION_MYSQL_PORT=%q\n' "$my_port"
        printf 'export JUNCTION_MYSQL_USER=%q\n' "$TEST_USER"
        printf 'export JUNCTION_MYSQL_PASSWORD=%q\n' "$TEST_PASSWORD"
        printf 'export JUNCTION_MYSQL_DATABASE=%q\n' "$TEST_DATABASE"
    } >"$dir/env.sh"
}

stop_postgres() {
    [[ -f "$pg_data/postmaster.pid" ]] || return 0
    local pid
    pid=$(head -n 1 "$pg_data/postmaster.pid" 2>/dev/null || true)
    # "fast" aborts open test sessions instead of waiting for them.
    as_user "$pg_user" "$PG_BIN/pg_ctl" --pgdata="$pg_data" --mode=fast --wait \
        --timeout="$STOP_TIMEOUT" --silent stop >/dev/null 2>&1 && return 0
    # pg_ctl failed (e.g. the data dir is damaged): kill the postmaster we started.
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
}

stop_mariadb() {
    [[ -f "$my_pid" ]] || return 0
    local pid
    pid=$(cat "$my_pid" 2>/dev/null || true)
    [[ "$pid" =~ ^[0-9]+$ ]] || return 0
    # A stale pid file could name an unrelated process by now: check before killing.
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == mariadbd ]] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.1
    done
}

case "$action" in
    start)
        [[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL 15 is not installed: run scripts/install-deps.sh"
        command -v mariadbd >/dev/null || die "MariaDB is not installed: run scripts/install-deps.sh"
        # The servers run as other users, who must be able to reach DIR (mktemp makes it
        # 0700). Execute-only: they can pass through, not list it.
        chmod a+x "$dir"
        # Unix sockets paths are limited to 107 bytes.
        ((${#my_socket} < 100)) || die "DIR path too long for a Unix socket: $dir"

        # If startup fails half-way, stop whatever did start so nothing is left behind.
        trap 'status=$?; if ((status != 0)); then stop_mariadb; stop_postgres; fi' EXIT

        pg_port=$(free_port)
        start_postgres "$pg_port"
        my_port=$(free_port)
        # Two random draws can collide, and PostgreSQL holds pg_port by now.
        while [[ "$my_port" == "$pg_port" ]]; do my_port=$(free_port); done
        start_mariadb "$my_port"
        write_env "$pg_port" "$my_port"
        echo "servers.sh: PostgreSQL on 127.0.0.1:$pg_port, MariaDB on 127.0.0.1:$my_port;" \
            "source $dir/env.sh"
        ;;
    stop)
        # Stopping must never fail: it runs from traps after failed tests.
        set +e
        stop_mariadb
        stop_postgres
        exit 0
        ;;
    *)
        usage
        ;;
esac
