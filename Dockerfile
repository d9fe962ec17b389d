# One image for the four apps and the console; APP picks the one a container runs (docker-compose.yml sets it):
#   docker build -t courier-portal-intake .
#   docker run -e APP=client-settings -e DATABASE_URL=... -e REDIS_URL=... -p 3001:3001 courier-portal-intake
FROM node:20-bookworm-slim

WORKDIR /app
RUN chown node:node /app
USER node

# Dependencies first, so the layer is reused while the lock file is unchanged. The apps run from
# TypeScript through @swc-node/register (a devDependency), so dev dependencies are installed too.
# SCARF_ANALYTICS=false: the image's npm runs every install script; this one only phones home.
COPY --chown=node:node package.json package-lock.json .npmrc ./
RUN SCARF_ANALYTICS=false npm ci --include=dev --no-audit --no-fund --loglevel=error \
  && npm cache clean --force

COPY --chown=node:node . .
# The console's static pages (apps/console), served by its own small server when APP=console.
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx build console --outputStyle=static --skip-nx-cache

ARG APP=ingestion-gateway
ENV APP=${APP} \
    NODE_ENV=production \
    HOST=0.0.0.0 \
    SWC_NODE_PROJECT=/app/tsconfig.base.json \
    NX_DAEMON=false
EXPOSE 3000 3001 3002 3003 3004

# exec: the app itself receives SIGTERM and stops gracefully (compose adds an init as PID 1: `init: true`).
# The console's entry is its server; every other app's is src/main.ts.
CMD ["sh", "-c", "if [ \"$APP\" = console ]; then exec node -r @swc-node/register apps/console/server/main.ts; else exec node -r @swc-node/register \"apps/$APP/src/main.ts\"; fi"]
