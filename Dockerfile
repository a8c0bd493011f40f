# syntax=docker/dockerfile:1
# One image for every Fleet service. Each container chooses its entry point with `command`
# (docker-compose.yml, helm/fleet/values.yaml), e.g. `node gateway/dist/main.js`.
#
# Node: the image runs Node 22 LTS (NODE_VERSION); the code also runs on Node 20.19+ and 24
# (package.json `engines`). Layers:
#   manifests  every package.json and the lock file, nothing else: a source change leaves this
#              stage's output byte-identical, so the two `npm ci` layers below stay cached;
#   deps       all dependencies (the build needs TypeScript, Vite...);
#   prod-deps  production dependencies only;
#   build      the sources, compiled (tsc -b, the two Vite apps), then only what runs is collected
#              into /out: each workspace's dist/, the storefront's themes, the built web apps and
#              the two scripts the migrate service runs (a workspace nested in a service, such as
#              services/payment/providers, is named in the loop: `services/*` stops one level down).
#              No tests (nor libs/testing, the tests' helpers), bench, docs or sources.
#   runtime    prod-deps + /out, run as the unprivileged `node` user.
# Not built on our machines (no Docker engine there): .github/workflows/deploy.yml builds it.
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
  && find . -name node_modules -prune -o \( -name package.json -o -name package-lock.json \) -print \
    | grep -v '^\./bench/' \
    | xargs -I{} cp --parents {} /manifests

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS prod-deps
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM deps AS build
COPY . .
RUN npm run build
RUN mkdir -p /out/scripts \
  && for ws in libs/* tenancy/* gateway services/* services/payment/providers web/*; do \
       case "$ws" in libs/testing) continue ;; esac; \
       if [ -d "$ws/dist" ]; then mkdir -p "/out/$ws" && cp -r "$ws/dist" "/out/$ws/"; fi; \
     done \
  && cp -r services/storefront/theme services/storefront/platform /out/services/storefront/ \
  && cp scripts/services.js scripts/migrate-all.js /out/scripts/

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and run as `node` (uid 1000): the process cannot modify its own code.
COPY --from=prod-deps /app /app
COPY --from=build /out /app
USER node
CMD ["node", "gateway/dist/main.js"]
