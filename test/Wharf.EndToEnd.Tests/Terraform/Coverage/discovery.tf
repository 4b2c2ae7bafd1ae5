resource "aws_service_discovery_private_dns_namespace" "this" {
  name = "${var.name}.internal"
  vpc  = data.aws_vpc.default.id
}

resource "aws_service_discovery_service" "db" {
  name        = "db"
  description = local.updated ? "the database, generation 2" : null

  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.this.id
    routing_policy = "MULTIVALUE"

    dns_records {
      ttl  = local.updated ? 20 : 10
      type = "A"
    }
  }
}

# An instance registered by Terraform rather than by ECS: a database outside the cluster.
resource "aws_service_discovery_instance" "db" {
  instance_id = "db-1"
  service_id  = aws_service_discovery_service.db.id

  attributes = {
    AWS_INSTANCE_IPV4 = cidrhost(data.aws_subnet.first.cidr_block, 201)
    AWS_INSTANCE_PORT = local.updated ? "5433" : "5432"
    role              = local.updated ? "replica" : "primary"
  }
}
