# One image for the four apps; the compose file picks the app with APP.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production SWC_NODE_PROJECT=/app/tsconfig.base.json HOST=0.0.0.0
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY tsconfig.base.json ./
COPY libs ./libs
COPY apps ./apps
USER node
# Apps run from TypeScript through swc (decorator metadata preserved), as they do locally.
CMD ["sh", "-c", "exec node -r @swc-node/register apps/${APP}/src/main.ts"]
