#!/usr/bin/env python3
"""What CI can check of the container setup without a Docker engine: docker-compose.yml parses, every file it and
the Dockerfile reference exists, every service has an image or a build, and the images' dependencies are defined.
The `dotnet publish` the image runs is checked by .ci/run itself."""
import os
import re
import sys

import yaml

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
problems = []

with open(os.path.join(root, "docker-compose.yml"), encoding="utf-8") as f:
    compose = yaml.safe_load(f)

services = compose.get("services") or {}
if not services:
    problems.append("docker-compose.yml defines no services")
built_images = set()
for name, service in services.items():
    build = service.get("build")
    if build:
        context = os.path.join(root, build.get("context", "."))
        dockerfile = os.path.join(context, build.get("dockerfile", "Dockerfile"))
        if not os.path.isdir(context):
            problems.append(f"{name}: build context {context} is missing")
        if not os.path.isfile(dockerfile):
            problems.append(f"{name}: Dockerfile {dockerfile} is missing")
        built_images.add(service.get("image"))
for name, service in services.items():
    if not service.get("image") and not service.get("build"):
        problems.append(f"{name}: neither image nor build")
    if service.get("image", "").endswith(":local") and service.get("image") not in built_images:
        problems.append(f"{name}: image {service['image']} is built by no service")
    for volume in service.get("volumes") or []:
        source = volume.split(":")[0] if isinstance(volume, str) else volume.get("source", "")
        if source.startswith("."):
            if not os.path.exists(os.path.join(root, source)):
                problems.append(f"{name}: volume source {source} is missing")
        elif source not in (compose.get("volumes") or {}):
            problems.append(f"{name}: named volume {source} is not declared")
    depends = service.get("depends_on") or []
    for dependency in depends if isinstance(depends, list) else depends.keys():
        if dependency not in services:
            problems.append(f"{name}: depends on unknown service {dependency}")

dockerfile = os.path.join(root, "deploy", "Dockerfile")
with open(dockerfile, encoding="utf-8") as f:
    for line in f:
        match = re.match(r"^COPY\s+(?!--from)(.+)\s+\S+\s*$", line.strip())
        if match:
            for source in match.group(1).split():
                if not os.path.exists(os.path.join(root, source)):
                    problems.append(f"Dockerfile: COPY source {source} is missing")
        if line.strip().startswith("USER") and "root" in line:
            problems.append("Dockerfile: the runtime image must not run as root")

for problem in problems:
    print(f"deploy check: {problem}", file=sys.stderr)
print(f"deploy check: {len(services)} services, {'ok' if not problems else f'{len(problems)} problem(s)'}")
sys.exit(1 if problems else 0)
