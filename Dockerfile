# One image for the four apps and the console; APP picks the one a container runs (docker-compose.yml sets it):
#   docker build -t courier-portal-intake .
#   docker run -e APP=client-settings -e DATABASE_URL=... -e REDIS_URL=... -e OPERATOR_TOKEN=... -p 3001:3001 courier-portal-intake
# Two stages: the build stage has the whole toolchain and compiles every app and the console (its
# static pages and its server); the runtime stage has only production dependencies and dist/ (no
# transpiling at start).

FROM node:20-bookworm-slim AS build
WORKDIR /src
# SCARF_ANALYTICS=false: the image's npm runs every install script; this one only phones home.
COPY package.json package-lock.json .npmrc ./
RUN SCARF_ANALYTICS=false npm ci --include=dev --no-audit --no-fund --loglevel=error
COPY . .
RUN CI=true NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build --outputStyle=static

FROM node:20-bookworm-slim AS runtime
# The heap ceiling of tools/dev/start-all.js (README, Configuration: NODE_OPTIONS); -e NODE_OPTIONS=... replaces it.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    NODE_OPTIONS=--max-old-space-size=160
WORKDIR /app
RUN chown node:node /app
USER node
COPY --chown=node:node package.json package-lock.json .npmrc ./
RUN SCARF_ANALYTICS=false npm ci --omit=dev --no-audit --no-fund --loglevel=error \
  && npm cache clean --force
COPY --from=build --chown=node:node /src/dist ./dist

ARG APP=ingestion-gateway
ENV APP=${APP}
EXPOSE 3000 3001 3002 3003 3004

# /ready of whichever app this container runs: its database and Redis answer.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "const p={'ingestion-gateway':['INGESTION_GATEWAY_PORT',3000],'client-settings':['CLIENT_SETTINGS_PORT',3001],'order-management':['ORDER_MANAGEMENT_PORT',3002],quoting:['QUOTING_PORT',3003],console:['CONSOLE_PORT',3004]}[process.env.APP];const path=process.env.APP==='console'?'/health':'/ready';fetch('http://127.0.0.1:'+(process.env[p[0]]||p[1])+path).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# exec: the app itself receives SIGTERM and stops gracefully (compose adds an init as PID 1: `init: true`).
# The console's entry is its server, which serves dist/apps/console.
CMD ["sh", "-c", "if [ \"$APP\" = console ]; then exec node --enable-source-maps dist/apps/console-server/main.js; else exec node --enable-source-maps \"dist/apps/$APP/main.js\"; fi"]
