#!/usr/bin/env bash
# `make image-check`: build the images of the committed tree with podman and check them against
# this machine's PostgreSQL and Redis, with host networking. Prints PASS or FAIL per check and
# exits 1 if any failed. Needs root, podman with runc (apt-get install podman runc uidmap
# fuse-overlayfs slirp4netns debootstrap), and ports 80, 443, 8000 and 8081 free.
#
# The build context is `git archive HEAD` with decoy secrets planted in it (.env, certs/*.pem,
# backups/*.dump, a stray key), so the secrets check proves .dockerignore keeps them out.
# Without a registry the base images come from deploy/podman/base-images.sh (offline build mode).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CONTAINERS_CONF=${CONTAINERS_CONF:-$ROOT/deploy/podman/containers.conf}

PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
DB_NAME=${IMAGE_CHECK_DB:-kvarter_image}
DATABASE_URL=postgres://postgres@127.0.0.1:5432/$DB_NAME
REDIS_URL=${IMAGE_CHECK_REDIS_URL:-redis://127.0.0.1:6379/12}
HOST=charlottekvarteret.example.org
APP=charlottekvarteret:check
FRONT=charlottekvarteret-front:check
P=kvarter-check  # container and volume names
WORK=$(mktemp -d)
failures=0

pass() { printf '  PASS  %s\n' "$1"; }
fail() { printf '  FAIL  %s\n' "$1"; failures=$((failures + 1)); }
check() {  # check "what" command...: PASS when the command succeeds
  local what=$1; shift
  if "$@" >>"$WORK/check.log" 2>&1; then pass "$what"; else fail "$what"; fi
}
cleanup() {
  podman rm -f -t 5 "$P-web" "$P-worker" "$P-front" >/dev/null 2>&1
  podman volume rm -f "$P-media" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

for port in 80 443 8000 8081; do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "FAIL: port $port is in use on this machine; image-check runs with host networking"
    exit 1
  fi
done
cleanup
WORK=$(mktemp -d)

echo "== base images"
deploy/podman/base-images.sh || { echo "FAIL: base images"; exit 1; }

echo "== build (context: git archive HEAD $(git rev-parse --short HEAD), plus decoy secrets)"
mkdir "$WORK/context"
git archive HEAD | tar -x -C "$WORK/context"
decoy="image-check-decoy-$RANDOM$RANDOM"
mkdir -p "$WORK/context/certs" "$WORK/context/backups/2026-12-01"
for file in .env .env.production certs/privkey.pem certs/fullchain.pem backups/2026-12-01/db.dump \
  deploy/stray.key kvarter/leftover.sql.gz; do
  echo "$decoy" >"$WORK/context/$file"
done
started=$(date +%s)
if ! podman build -q --format docker -t "$APP" "$WORK/context" >"$WORK/build-app.log" 2>&1; then
  tail -30 "$WORK/build-app.log"; echo "FAIL: podman build (app)"; exit 1
fi
if ! podman build -q --format docker --target front -t "$FRONT" "$WORK/context" >"$WORK/build-front.log" 2>&1; then
  tail -30 "$WORK/build-front.log"; echo "FAIL: podman build (front)"; exit 1
fi
echo "built in $(($(date +%s) - started)) s"
size=$(podman image inspect --format '{{.Size}}' "$APP")
front_size=$(podman image inspect --format '{{.Size}}' "$FRONT")
echo "image size: app $((size / 1000000)) MB, front $((front_size / 1000000)) MB"

echo "== checks"
user=$(podman image inspect --format '{{.Config.User}}' "$APP")
cmd=$(podman image inspect --format '{{join .Config.Cmd " "}}' "$APP")
check "default target is the app (user $user, command: ${cmd%% *} …)" \
  test "$user" = kvarter -a "${cmd%% *}" = gunicorn

in_image() { podman run --rm --no-healthcheck --network none --entrypoint "$1" "$APP" "${@:2}"; }
# As root, so that no folder is skipped for want of permission.
as_root() { podman run --rm --no-healthcheck --network none --user 0 --entrypoint "$1" "$APP" "${@:2}"; }
check "the app runs as a non-root user (uid $(in_image id -u))" test "$(in_image id -u)" != 0
found=$(as_root find / -xdev \( -name '.env' -o -name '.env.*' -o -name '*.dump' -o -name '*.key' \
  -o -name '*.sql' -o -name '*.sql.*' \) -print)
check "no .env*, *.dump, *.key or *.sql* file in the image${found:+: $found}" test -z "$found"
# *.pem: Debian, certifi and botocore ship CA bundles (certificates only); no key may be there.
pems=$(as_root find / -xdev -name '*.pem' -print)
keys=$(as_root sh -c "find / -xdev -name '*.pem' -exec grep -l 'PRIVATE KEY' {} +" 2>/dev/null)
echo "$pems" >>"$WORK/check.log"
check "no *.pem holds a private key ($(echo "$pems" | grep -c .) *.pem, all CA certificates; none in /app)${keys:+: $keys}" \
  test -z "$keys" -a -z "$(echo "$pems" | grep '^/app/')"
check "no decoy secret's content anywhere in the image" \
  as_root sh -c "! grep -rqsF --exclude-dir=proc --exclude-dir=sys --exclude-dir=dev '$decoy' /"
shipped=$(in_image sh -c 'cd /app && ls -d tests bench docs scripts .git .github .ci 2>/dev/null')
check "no tests, bench, docs, scripts or .git in /app${shipped:+: $shipped}" test -z "$shipped"

echo "== database $DB_NAME and Redis ${REDIS_URL##*/}"
psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" -c "CREATE DATABASE $DB_NAME" \
  || { echo "FAIL: PostgreSQL at $PG_ADMIN_URL"; exit 1; }
redis-cli -u "$REDIS_URL" flushdb >/dev/null || { echo "FAIL: Redis at $REDIS_URL"; exit 1; }
cat >"$WORK/env" <<ENV
SECRET_KEY=image-check-$RANDOM$RANDOM$RANDOM
EMAIL_HASH_KEY=image-check-$RANDOM$RANDOM$RANDOM
# Nothing listens there: the check sends no mail, but production wants a transport.
EMAIL_HOST=127.0.0.1
EMAIL_PORT=2
DEFAULT_FROM_EMAIL=Charlottekvarteret <noreply@kvarter.test>
NEWSLETTER_FROM_EMAIL=Charlottekvarteret <nyhedsbrev@kvarter.test>
NEWSLETTER_UNSUBSCRIBE_MAILTO=afmeld@kvarter.test
ALLOWED_HOSTS=$HOST,127.0.0.1
CSRF_TRUSTED_ORIGINS=https://$HOST
WAGTAILADMIN_BASE_URL=https://$HOST
DATABASE_URL=$DATABASE_URL
REDIS_URL=$REDIS_URL
FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:8081
WEB_CONCURRENCY=2
ENV
podman volume create "$P-media" >/dev/null
run() { podman run --network host --env-file "$WORK/env" -v "$P-media:/app/var/media" "$@"; }

started=$(date +%s)
check "migrate on an empty database (the one-shot migrate service's command)" \
  run --rm --no-healthcheck "$APP" python manage.py migrate --noinput
echo "        migrate took $(($(date +%s) - started)) s"
started=$(date +%s)
check "load the demo content (pages and images)" run --rm --no-healthcheck "$APP" python manage.py load_demo_content
echo "        load_demo_content took $(($(date +%s) - started)) s"

echo "== web, worker and front"
# podman cannot run the health checks on a timer without systemd (it says so on stderr);
# the checks below run them by hand.
run -d --name "$P-web" "$APP" >/dev/null 2>>"$WORK/check.log"
run -d --name "$P-worker" "$APP" python manage.py db_worker >/dev/null 2>>"$WORK/check.log"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$HOST" \
  -keyout "$WORK/privkey.pem" -out "$WORK/fullchain.pem" >/dev/null 2>&1
podman run -d --name "$P-front" --network host --add-host web:127.0.0.1 \
  -v "$P-media:/srv/media:ro" -v "$WORK:/etc/nginx/certs:ro" "$FRONT" >/dev/null 2>>"$WORK/check.log"

healthy=
for _ in $(seq 1 60); do
  if podman healthcheck run "$P-web" >/dev/null 2>&1; then healthy=1; break; fi
  sleep 1
done
check "web is healthy (the image's HEALTHCHECK, deploy/healthcheck.py)" test -n "$healthy"
check "gunicorn got all its flags (--graceful-timeout 30)" \
  sh -c "podman top '$P-web' args | grep -q -- '--graceful-timeout 30'"
check "every web process runs as kvarter" \
  test "$(podman top "$P-web" user | tail -n +2 | sort -u)" = kvarter

curl_front() { curl -sk --resolve "$HOST:443:127.0.0.1" "$@"; }
check "/healthz answers 200 ok (gunicorn)" \
  sh -c "curl -sf -H 'Host: $HOST' http://127.0.0.1:8000/healthz | grep -q '\"status\": \"ok\"'"
curl_front -o "$WORK/home.html" -w '%{http_code}' "https://$HOST/da/" >"$WORK/home.status"
check "a page: https://…/da/ through nginx answers 200" test "$(cat "$WORK/home.status")" = 200
static=$(grep -o '/static/[^"]*\.css' "$WORK/home.html" | head -1)
check "a static file: $static from nginx, cached for a year" \
  sh -c "curl -sk --resolve '$HOST:443:127.0.0.1' -D - -o /dev/null 'https://$HOST$static' \
    | grep -qi 'cache-control: public, max-age=31536000, immutable'"
rendition=$(grep -oE '/media/images/[^" ]+\.(avif|webp|jpe?g|png)' "$WORK/home.html" | head -1)
check "an image rendition: ${rendition:-none on the page} from nginx answers 200" \
  sh -c "test -n '$rendition' && test \$(curl -sk --resolve '$HOST:443:127.0.0.1' -o /dev/null \
    -w '%{http_code}' 'https://$HOST$rendition') = 200"
curl_front -H 'Accept-Encoding: gzip, br' -o /dev/null "https://$HOST/da/"
check "a cached page comes from nginx as Django stored it: br, a HIT, nothing compressed again" \
  sh -c "curl -sk --resolve '$HOST:443:127.0.0.1' -H 'Accept-Encoding: gzip, br' -D - \
    -o /dev/null 'https://$HOST/da/' | tr -d '\r' > '$WORK/home-br.headers' \
    && grep -qi '^content-encoding: br$' '$WORK/home-br.headers' \
    && grep -qi '^x-cache-status: hit$' '$WORK/home-br.headers'"
check "nginx workers run as www-data" \
  sh -c "podman top '$P-front' user args | grep 'worker process' | grep -q '^www-data'"

healthy=
for _ in $(seq 1 30); do
  if podman exec "$P-worker" python deploy/healthcheck.py worker >>"$WORK/check.log" 2>&1; then
    healthy=1; break
  fi
  sleep 1
done
check "worker is healthy (deploy/healthcheck.py worker)" test -n "$healthy"
check "the worker check fails where no db_worker runs (in the web container)" \
  sh -c "! podman exec '$P-web' python deploy/healthcheck.py worker"
# The worker queues scheduled publishing for the start of the next minute.
ran=
for _ in $(seq 1 75); do
  ran=$(psql -tA "$DATABASE_URL" -c "SELECT count(*) FROM django_tasks_database_dbtaskresult
    WHERE task_path LIKE '%publish_scheduled' AND status = 'SUCCESSFUL'")
  [ "${ran:-0}" != 0 ] && break
  sleep 1
done
check "the worker ran the scheduled publishing task (within 75 s)" test "${ran:-0}" != 0

if [ "$failures" -gt 0 ]; then
  echo "== $failures check(s) FAILED; the log:"
  tail -40 "$WORK/check.log"
  podman logs --tail 20 "$P-web" 2>&1 | sed 's/^/web: /'
  podman logs --tail 20 "$P-worker" 2>&1 | sed 's/^/worker: /'
  podman logs --tail 20 "$P-front" 2>&1 | sed 's/^/front: /'
  exit 1
fi
echo "== image-check PASSED ($(date +%F), app image $((size / 1000000)) MB)"
