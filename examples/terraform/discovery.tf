# The private DNS namespace of the booking app (seed 003) and the name its backend is found by:
# redis.internal-bookingapp.com, A records with TTL 30, kept current as tasks come and go.
resource "aws_service_discovery_private_dns_namespace" "internal" {
  name        = var.namespace
  description = "Private names of the ${var.name} stack"
  vpc         = data.aws_vpc.default.id

  tags = {
    stack = var.name
  }
}

resource "aws_service_discovery_service" "redis" {
  name = "redis"

  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.internal.id
    routing_policy = "MULTIVALUE"

    dns_records {
      ttl  = 30
      type = "A"
    }
  }

  health_check_custom_config {
    failure_threshold = 1
  }

  tags = {
    stack = var.name
  }
}

output "namespace_id" {
  value = aws_service_discovery_private_dns_namespace.internal.id
}
