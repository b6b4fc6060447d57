# shellcheck shell=bash
# A private Docker engine for the tests that need one (DESIGN.md §6), sourced by .ci/run.
#
# Debian's docker.io runs here, but nothing can be pulled: the images the tests use are built from Debian
# packages with debootstrap, from the mirror this machine's apt sources name, and loaded with `docker import`.
#   opta-migrate-ci/jre:17        a JRE 17, the BASE_IMAGE for the opta-migrate image
#   opta-migrate-ci/postgres:15   PostgreSQL 15 with an entrypoint that honours POSTGRES_USER/PASSWORD/DB
# The engine has its own socket, data root and exec root under $OPTA_CI_DOCKER_ROOT, and stops with the run.

OPTA_CI_DOCKER_ROOT=${OPTA_CI_DOCKER_ROOT:-/tmp/opta-migrate-ci-docker}
OPTA_CI_JRE_IMAGE=opta-migrate-ci/jre:17
OPTA_CI_POSTGRES_IMAGE=opta-migrate-ci/postgres:15

ci_log() { printf '[ci] %s\n' "$*" >&2; }

install_docker_engine() {
  if command -v dockerd >/dev/null && command -v debootstrap >/dev/null && [ -x /usr/bin/docker ]; then
    return
  fi
  ci_log "installing Debian's docker.io and debootstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends docker.io debootstrap >/dev/null
}

start_docker_engine() {
  install_docker_engine
  mkdir -p "$OPTA_CI_DOCKER_ROOT"/{data,exec,run}
  export DOCKER_HOST="unix://$OPTA_CI_DOCKER_ROOT/run/docker.sock"
  ci_log "starting dockerd on $DOCKER_HOST"
  dockerd --host "$DOCKER_HOST" --data-root "$OPTA_CI_DOCKER_ROOT/data" --exec-root "$OPTA_CI_DOCKER_ROOT/exec" \
    --pidfile "$OPTA_CI_DOCKER_ROOT/run/dockerd.pid" >"$OPTA_CI_DOCKER_ROOT/dockerd.log" 2>&1 &
  local waited=0
  until /usr/bin/docker version >/dev/null 2>&1; do
    if [ "$waited" -ge 60 ]; then
      ci_log "dockerd did not answer within 60 s; its log:"
      tail -20 "$OPTA_CI_DOCKER_ROOT/dockerd.log" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  # Testcontainers: Ryuk cannot be pulled, and mapped ports answer on this host's loopback.
  export TESTCONTAINERS_RYUK_DISABLED=true
  export TESTCONTAINERS_HOST_OVERRIDE=localhost
}

stop_docker_engine() {
  local pidfile="$OPTA_CI_DOCKER_ROOT/run/dockerd.pid"
  [ -f "$pidfile" ] || return 0
  ci_log "stopping dockerd"
  local pid
  pid=$(cat "$pidfile")
  /usr/bin/docker ps -q 2>/dev/null | xargs -r /usr/bin/docker kill >/dev/null 2>&1 || true
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
}

apt_mirror() {
  local uri
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [ -z "$uri" ]; then
    uri=$(awk '/^deb / && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

# Installs packages into a copy of the minimal root and imports it as an image.
import_image() {
  local base=$1 image=$2 packages=$3 setup=$4; shift 4
  local root="$OPTA_CI_DOCKER_ROOT/rootfs-${image//[\/:]/-}"
  rm -rf "$root"
  cp -a "$base" "$root"
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d"
  mount -t proc proc "$root/proc"
  # shellcheck disable=SC2086 # several packages on purpose
  DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -qq --no-install-recommends $packages \
    >>"$OPTA_CI_DOCKER_ROOT/debootstrap.log" 2>&1 || { umount "$root/proc"; tail -20 "$OPTA_CI_DOCKER_ROOT/debootstrap.log" >&2; return 1; }
  umount "$root/proc"
  chroot "$root" apt-get clean
  "$setup" "$root"
  tar -C "$root" -c . | /usr/bin/docker import "$@" - "$image" >/dev/null
  rm -rf "$root"
}

postgres_setup() {
  local root=$1
  install -m 0755 "$(dirname "${BASH_SOURCE[0]}")/postgres-entrypoint.sh" "$root/usr/local/bin/postgres-entrypoint"
  mkdir -p "$root/var/lib/postgresql/data" "$root/var/run/postgresql"
  chroot "$root" chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
}

jre_setup() { :; }

build_base_images() {
  if /usr/bin/docker image inspect "$OPTA_CI_JRE_IMAGE" "$OPTA_CI_POSTGRES_IMAGE" >/dev/null 2>&1; then
    ci_log "base images present"
  else
    local suite base started=$SECONDS
    suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
    base="$OPTA_CI_DOCKER_ROOT/rootfs-minbase"
    ci_log "building base images from Debian $suite packages at $(apt_mirror)"
    rm -rf "$base"
    debootstrap --variant=minbase "$suite" "$base" "$(apt_mirror)" >"$OPTA_CI_DOCKER_ROOT/debootstrap.log" 2>&1 \
      || { tail -20 "$OPTA_CI_DOCKER_ROOT/debootstrap.log" >&2; return 1; }
    import_image "$base" "$OPTA_CI_JRE_IMAGE" openjdk-17-jre-headless jre_setup \
      --change 'ENV LANG=C.UTF-8' --change 'CMD ["java", "-version"]'
    import_image "$base" "$OPTA_CI_POSTGRES_IMAGE" postgresql-15 postgres_setup \
      --change 'ENV LANG=C.UTF-8' \
      --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/bin:/usr/bin:/bin' \
      --change 'ENV PGDATA=/var/lib/postgresql/data' \
      --change 'USER postgres' --change 'EXPOSE 5432' \
      --change 'ENTRYPOINT ["/usr/local/bin/postgres-entrypoint"]' --change 'CMD ["postgres"]'
    rm -rf "$base"
    ci_log "base images built in $((SECONDS - started)) s"
  fi
  export OPTA_MIGRATE_TEST_JRE_IMAGE=$OPTA_CI_JRE_IMAGE
  export OPTA_MIGRATE_TEST_POSTGRES_IMAGE=$OPTA_CI_POSTGRES_IMAGE
}
