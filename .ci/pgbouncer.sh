# shellcheck shell=bash
# PgBouncer, from Debian's package, for the pooler tests (each starts its own instance in front of the embedded
# PostgreSQL). Sourced by .ci/run after .ci/docker-engine.sh, whose ci_log it uses.

install_pgbouncer() {
  if command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ]; then
    return
  fi
  ci_log "installing pgbouncer"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pgbouncer >/dev/null
}
