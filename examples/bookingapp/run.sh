#!/usr/bin/env bash
# The booking app walkthrough: service discovery with Cloud Map and ECS.
#
# A private DNS namespace internal-bookingapp.com, a Cloud Map service "redis"
# (an A record, TTL 30), an ECS service "redis" registered in it through
# serviceRegistries, and a web service "web" whose container finds Redis as
# redis.internal-bookingapp.com and counts its page hits there.
#
# Run against `./wharf up` (which builds the wharf/redis and wharf/bookingapp
# images). Task containers resolve through Wharf's DNS server on the Docker
# bridge gateway; from this host, ask it with `dig @127.0.0.1` (WHARF_DNS_PORT).
#   examples/bookingapp/run.sh           create everything, curl twice
#   examples/bookingapp/run.sh cleanup   delete it again
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-AKIAWHARF0LOCAL0KEY0}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-wharf-local-secret-access-key-0000000000}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
export AWS_PAGER=""
# discover-instances goes to a data- host prefix, which a local endpoint does not have.
export AWS_DISABLE_HOST_PREFIX_INJECTION=true
endpoint="${WHARF_ENDPOINT:-http://127.0.0.1:4566}"
aws() { command aws --endpoint-url "$endpoint" "$@"; }
web_port=8080

namespace_id() {
  aws servicediscovery list-namespaces \
    --query "Namespaces[?Name=='internal-bookingapp.com'].Id | [0]" --output text
}

if [ "${1:-}" = cleanup ]; then
  aws ecs delete-service --service web --force >/dev/null 2>&1 || true
  aws ecs delete-service --service redis --force >/dev/null 2>&1 || true
  ns="$(namespace_id)"
  if [ "$ns" != None ]; then
    for id in $(aws servicediscovery list-services --filters "Name=NAMESPACE_ID,Values=$ns" --query 'Services[].Id' --output text); do
      for instance in $(aws servicediscovery list-instances --service-id "$id" --query 'Instances[].Id' --output text); do
        aws servicediscovery deregister-instance --service-id "$id" --instance-id "$instance" >/dev/null
      done
      aws servicediscovery delete-service --id "$id"
    done
    aws servicediscovery delete-namespace --id "$ns" >/dev/null
  fi
  echo "Cleaned up."
  exit 0
fi

echo "1. The private DNS namespace"
operation="$(aws servicediscovery create-private-dns-namespace \
  --name internal-bookingapp.com --vpc vpc-local --query OperationId --output text)"
aws servicediscovery get-operation --operation-id "$operation" --query Operation.Status --output text
ns="$(namespace_id)"

echo "2. The Cloud Map service redis: an A record, TTL 30"
registry_arn="$(aws servicediscovery create-service --name redis --namespace-id "$ns" \
  --dns-config 'RoutingPolicy=MULTIVALUE,DnsRecords=[{Type=A,TTL=30}]' \
  --query Service.Arn --output text)"
echo "   $registry_arn"

echo "3. The ECS service redis, registered through serviceRegistries"
# Bridge mode: ECS wants the container and port the registry refers to.
aws ecs register-task-definition --cli-input-json "file://$here/redis-taskdef.json" >/dev/null
aws ecs create-service --service-name redis --task-definition redis --desired-count 1 \
  --service-registries "registryArn=$registry_arn,containerName=redis,containerPort=6379" >/dev/null
aws ecs wait services-stable --services redis

echo "4. The web service, which finds Redis at redis.internal-bookingapp.com:6379"
aws ecs register-task-definition --cli-input-json "file://$here/web-taskdef.json" >/dev/null
aws ecs create-service --service-name web --task-definition bookingapp --desired-count 1 >/dev/null
aws ecs wait services-stable --services web

echo "5. Redis as Cloud Map has it:"
aws servicediscovery discover-instances --namespace-name internal-bookingapp.com --service-name redis \
  --query 'Instances[].Attributes.AWS_INSTANCE_IPV4' --output text
echo "6. Two hits; the count grows:"
for _ in 1 2; do
  for _ in $(seq 30); do
    if curl -fsS "http://127.0.0.1:$web_port/"; then break; fi
    sleep 1
  done
done
echo "Done. '$0 cleanup' deletes it all."
