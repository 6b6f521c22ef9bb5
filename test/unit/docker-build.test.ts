/**
 * `docker build` sends its context to the daemon, and a Dockerfile's `COPY . .` bakes every file of it
 * into an image that is pushed on: a secret .dockerignore does not leave out goes with it. A Dockerfile
 * that copies only what the image needs, or a .dockerignore that leaves the secrets out, passes.
 * Compose's build takes each service's context from the compose file.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/home/dev/app";
const WHOLE = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n";
const NARROW = "FROM node:20\nCOPY package.json ./\nCOPY src ./src\n";
// api builds the project's root (a .env in it); web builds src with a Dockerfile of its own; db is an image.
const COMPOSE = "services:\n  api:\n    build: .\n    ports:\n      - 8080:8080\n  web:\n    build:\n      context: ./src\n      dockerfile: Dockerfile.web\n  db:\n    image: postgres:16\nvolumes:\n  data:\n";

async function decide(files: Record<string, string>, command: string) {
  const io = memoryIO({
    files: { [`${PROJECT}/.env`]: "K=1\n", [`${PROJECT}/config/.env`]: "K=2\n", [`${PROJECT}/src/app.ts`]: "export {};\n", [`${PROJECT}/package.json`]: "{}\n", ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`${PROJECT}/${k}`, v])) },
    env: { HOME: "/home/dev" },
  });
  const verdict = await secretGuard.decide({ tool: "Bash", input: { command }, cwd: PROJECT, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: "/home/dev" });
  return verdict.action === "deny" ? verdict.reason : "pass";
}

describe("docker build", () => {
  it.each<[string, Record<string, string>, string]>([
    ["the whole context copied, no .dockerignore", { Dockerfile: WHOLE }, "docker build -t app ."],
    ["buildx", { Dockerfile: WHOLE }, "docker buildx build --push -t registry.example.com/app ."],
    ["podman", { Dockerfile: WHOLE }, "podman build -t app ."],
    [".dockerignore leaving only the root .env out", { Dockerfile: WHOLE, ".dockerignore": ".env\n" }, "docker build ."],
    ["a line taking a secret back", { Dockerfile: WHOLE, ".dockerignore": "**/.env\n!config/.env\n" }, "docker build ."],
    ["a secret copied by name", { "Dockerfile.prod": "FROM node:20\nCOPY .env /app/.env\n" }, "docker build -f Dockerfile.prod ."],
    ["a folder with a secret copied", { Dockerfile: "FROM node:20\nCOPY config /app/config\n" }, "docker build ."],
    ["docker image build", { Dockerfile: WHOLE }, "docker image build -t app ."],
    ["docker builder build", { Dockerfile: WHOLE }, "docker builder build ."],
    ["buildah, whose bud takes docker build's arguments", { Dockerfile: WHOLE }, "buildah bud -t app ."],
    ["buildah build -f", { "Dockerfile.prod": WHOLE }, "buildah build -f Dockerfile.prod ."],
    ["nerdctl", { Dockerfile: WHOLE }, "nerdctl build -t app ."],
    ["depot, building remotely", { Dockerfile: WHOLE }, "depot build --push -t app ."],
    ["finch", { Dockerfile: WHOLE }, "finch build ."],
    ["fly deploy, which builds the folder's Dockerfile", { Dockerfile: WHOLE }, "fly deploy --remote-only -a app"],
    ["fly deploy of a folder, with its own Dockerfile named", { "config/Dockerfile.fly": WHOLE }, "flyctl deploy --dockerfile config/Dockerfile.fly config"],
    ["railway up", { Dockerfile: WHOLE }, "railway up --detach"],
    ["gcloud run deploy from source", { Dockerfile: WHOLE }, "gcloud run deploy api --source . --region europe-west1"],
    ["gcloud builds submit --tag", { Dockerfile: WHOLE }, "gcloud builds submit --tag gcr.io/acme/api"],
    ["compose's build of the context its file names", { Dockerfile: WHOLE, "compose.yaml": COMPOSE }, "docker compose build"],
    ["compose's build of that service", { Dockerfile: WHOLE, "compose.yaml": COMPOSE }, "docker compose build api"],
    ["compose's up that builds", { Dockerfile: WHOLE, "compose.yaml": COMPOSE }, "docker compose up -d --build"],
    ["docker-compose with its file named", { "config/Dockerfile": "FROM alpine\nCOPY .env /etc/app.env\n", "ops/stack.yml": "services:\n  worker:\n    build:\n      context: ../config\n" }, "docker-compose -f ops/stack.yml build"],
  ])("refuses %s", async (_name, files, command) => {
    expect(await decide(files, command)).toMatch(/copies `[^`]+` into the image, and with it `[^`]*\.env`[\s\S]*add it to \.dockerignore/);
  });

  it.each<[string, Record<string, string>, string]>([
    ["only what the image needs copied", { Dockerfile: NARROW }, "docker build -t app ."],
    ["a build stage's output copied", { Dockerfile: "FROM node:20 AS build\nCOPY --from=deps /app/node_modules ./node_modules\n" }, "docker build ."],
    [".dockerignore leaving every .env out", { Dockerfile: WHOLE, ".dockerignore": "**/.env\n" }, "docker build ."],
    [".dockerignore naming the folder and the root file", { Dockerfile: WHOLE, ".dockerignore": "# secrets\nconfig/\n/.env\n" }, "docker build ."],
    [".dockerignore that keeps only what it names", { Dockerfile: WHOLE, ".dockerignore": "*\n!src\n!package.json\n" }, "docker build ."],
    ["a context without a secret", { "src/Dockerfile": WHOLE }, "docker build -t app src"],
    ["compose's build with no compose file", { Dockerfile: WHOLE }, "docker compose build"],
    ["compose's build of another service", { Dockerfile: WHOLE, "compose.yaml": COMPOSE }, "docker compose build web"],
    ["compose's up without --build", { Dockerfile: WHOLE, "compose.yaml": COMPOSE }, "docker compose up -d && docker compose ps"],
    ["compose's build with every .env left out", { Dockerfile: WHOLE, ".dockerignore": "**/.env\n", "compose.yaml": COMPOSE }, "docker compose build"],
    ["a Dockerfile on stdin, no context", {}, "docker build - < Dockerfile"],
    ["fly deploy of an image built elsewhere", { Dockerfile: WHOLE }, "fly deploy --image registry.fly.io/app:v2"],
    ["fly deploy with every .env left out", { Dockerfile: WHOLE, ".dockerignore": "**/.env\n" }, "fly deploy"],
    ["gcloud run deploy of an image", { Dockerfile: WHOLE }, "gcloud run deploy api --image gcr.io/acme/api"],
    ["gcloud builds submit with a build config", { Dockerfile: WHOLE }, "gcloud builds submit --config cloudbuild.yaml"],
    ["railway's other commands", { Dockerfile: WHOLE }, "railway status && railway logs"],
    ["buildah's other commands", { Dockerfile: WHOLE }, "buildah images && buildah push app"],
  ])("passes %s", async (_name, files, command) => {
    expect(await decide(files, command)).toBe("pass");
  });
});
