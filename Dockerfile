# Exam Drill in a container: `docker compose up -d` (see compose.yaml and "Run it 24/7" in README.md).
FROM node:20-bookworm-slim

# better-sqlite3 ships prebuilt binaries for this platform; these are only for building it from source
# when no prebuilt one matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json ./
# Runtime dependencies only: esbuild compiles the TypeScript below; pino-pretty and the test tools are not needed.
RUN npm ci --omit=dev && npm cache clean --force

COPY commands ./commands
COPY src ./src
COPY data ./data
COPY drizzle ./drizzle
COPY tsconfig.json ./
COPY scripts ./scripts
# src/ stays: the checkpoint worker and the sandbox page are read from it, and the deck cache's key hashes
# src/deck.
RUN npm run build

# The database lives on a volume; the deck cache is rebuilt on first start (a few hundred ms).
ENV NODE_ENV=production \
    DATABASE_PATH=/data/exam-drill.sqlite
RUN mkdir -p /data && chown node:node /data /app/node_modules
VOLUME ["/data"]
USER node

# node itself is PID 1's child under `init: true` (compose) or tini: SIGTERM from `docker stop` reaches it.
CMD ["node", "--enable-source-maps", "dist/main.js"]
