#!/usr/bin/env python3
"""Adds a service to docker-compose.yml and helm/fleet/values.yaml (idempotent).

usage: add-service-deploy.py <name> <dir> <port> [database] [ENV=value ...]
The gateway learns its URL as <NAME>_URL in both files.
"""
import re
import sys

name, folder, port = sys.argv[1], sys.argv[2], sys.argv[3]
database = sys.argv[4] if len(sys.argv) > 4 and '=' not in sys.argv[4] else None
extra = [a for a in sys.argv[4:] if '=' in a]
url_key = f"{name.upper().replace('-', '_')}_URL"

compose = open('docker-compose.yml').read()
if f"\n  {name}:\n" not in compose:
    env = [f"      PORT: '{port}'"]
    if database:
        # The running service gets the application and relay roles only; the one-shot `migrate`
        # service (scripts/migrate-all.js, which reads scripts/services.js) migrates as the owner.
        app = "${FLEET_APP_DB_PASSWORD:?set FLEET_APP_DB_PASSWORD in .env (copy .env.example)}"
        relay = "${FLEET_RELAY_DB_PASSWORD:?set FLEET_RELAY_DB_PASSWORD in .env (copy .env.example)}"
        env += [
            f"      DATABASE_URL: postgres://fleet_app:{app}@postgres:5432/{database}",
            f"      RELAY_DATABASE_URL: postgres://fleet_relay:{relay}@postgres:5432/{database}",
        ]
    env += [f"      {k}: {v}" for k, v in (a.split('=', 1) for a in extra)]
    block = f"""  {name}:
    <<: *platform-service
    command: ['node', '{folder}/dist/main.js']
    environment:
      <<: *env
{chr(10).join(env)}
    depends_on:
      migrate:
        condition: service_completed_successfully
      postgres:
        condition: service_healthy
      redis:
        condition: service_healthy
      rabbitmq:
        condition: service_healthy
    healthcheck:
      test:
        - CMD
        - node
        - -e
        - "fetch('http://127.0.0.1:{port}/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
      interval: 5s
      timeout: 3s
      retries: 20

"""
    compose = compose.replace("  gateway:\n", block + "  gateway:\n", 1)
    compose = re.sub(r"(      TENANCY_URL: http://tenancy-registry:4001\n)", rf"\1      {url_key}: http://{name}:{port}\n", compose, count=1)
    gateway_waits = (
        "    depends_on:\n      migrate:\n        condition: service_completed_successfully\n"
        "      tenancy-registry:\n        condition: service_healthy\n"
    )
    compose = compose.replace(
        gateway_waits, f"{gateway_waits}      {name}:\n        condition: service_healthy\n", 1
    )
    open('docker-compose.yml', 'w').write(compose)

values = open('helm/fleet/values.yaml').read()
key = re.sub(r'-(\w)', lambda m: m.group(1).upper(), name)
if f"\n  {key}:\n" not in values:
    secret = ''
    if database:
        secret = f"""
      DATABASE_URL: '' # required: postgres://fleet_app:<password>@fleet-postgresql:5432/{database}
      RELAY_DATABASE_URL: '' # required: postgres://fleet_relay:<password>@fleet-postgresql:5432/{database}"""
    env_lines = ''.join(f"\n      {k}: {v}" for k, v in (a.split('=', 1) for a in extra if not a.split('=', 1)[0].endswith('KEY')))
    # Only the migration Job gets the schema owner's URL (migrate.secretEnv), never the Deployment.
    migrate = (
        f"\n    migrate:\n      command: ['node', '{folder}/dist/migrate.js']"
        f"\n      secretEnv:\n        MIGRATION_DATABASE_URL: '' # required: postgres://fleet_owner:<password>@fleet-postgresql:5432/{database}"
        if database
        else ''
    )
    block = f"""  {key}:
    command: ['node', '{folder}/dist/main.js']
    port: {port}
    replicas: 2
    autoscaling: {{ minReplicas: 2, maxReplicas: 6, targetCPUUtilizationPercentage: 70 }}
    resources:
      requests: {{ cpu: 100m, memory: 128Mi }}
      limits: {{ memory: 256Mi }}
    env: {{{'}' if not env_lines else ''}{env_lines}
    secretEnv: {{{'}' if not secret else ''}{secret}{migrate}
"""
    block = block.replace("env: {}\n", "env: {}\n") if not env_lines else block.replace("env: {\n", "env:\n")
    block = block.replace("secretEnv: {\n", "secretEnv:\n") if secret else block
    values = values.replace("  gateway:\n    command:", block + "  gateway:\n    command:", 1)
    values = re.sub(
        r"(      TENANCY_URL: 'http://\{\{ include \"fleet.fullname\" \. \}\}-tenancy-registry:4001'\n)",
        lambda m: m.group(1) + f"      {url_key}: 'http://{{{{ include \"fleet.fullname\" . }}}}-{name}:{port}'\n",
        values,
        count=1,
    )
    open('helm/fleet/values.yaml', 'w').write(values)
print(f'{name}: compose and helm entries present')
