# One image for every Fleet service. Each container chooses its entry point with `command`
# (docker-compose.yml, helm/fleet/values.yaml), e.g. `node gateway/dist/main.js`.

FROM node:20-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and run as `node` (uid 1000): the process cannot modify its own code.
COPY --from=build /app /app
USER node
CMD ["node", "gateway/dist/main.js"]
