#!/usr/bin/env bash
# No Docker engine runs here, so the deploy files are checked instead of run: YAML style (yamllint), every
# Kubernetes manifest against the API's schemas (kubernetes-validate), the compose file against the compose
# schema (docker-compose config), and the Dockerfile's stages and user.
set -euo pipefail
cd "$(dirname "$0")/.."
yamllint --strict deploy docs/openapi.yaml
manifests=$(ls deploy/k8s/*.yaml | grep -v kustomization.yaml)
kubernetes-validate --strict $manifests
# Every file kustomization.yaml names exists, and every manifest is named.
for file in $(echo "$manifests" | grep -v '\.example\.yaml$'); do grep -q "  - $(basename "$file")" deploy/k8s/kustomization.yaml || {
  echo "check-deploy: $file is not in kustomization.yaml" >&2; exit 1; }; done
POSTGRES_PASSWORD=check docker-compose -f deploy/compose.yaml config -q
grep -q '^FROM .* AS build' deploy/Dockerfile && grep -q '^USER 10001' deploy/Dockerfile \
  && grep -q 'COPY --from=build' deploy/Dockerfile || { echo "check-deploy: Dockerfile is not multi-stage non-root" >&2; exit 1; }
echo "check-deploy: deploy/ is valid"
