# A Fargate task definition run by a service on the extra cluster through a capacity provider
# strategy: no container instance joins that cluster, its tasks run on wharf up's Fargate capacity.
resource "aws_ecs_task_definition" "fargate" {
  family                   = "${var.name}-fargate"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"

  container_definitions = local.awsvpc_web_containers
}

resource "aws_ecs_service" "fargate" {
  name                  = "${var.name}-fargate"
  cluster               = aws_ecs_cluster.extra.arn
  task_definition       = aws_ecs_task_definition.fargate.arn
  desired_count         = 2
  wait_for_steady_state = true

  # Without it the provider replaces the service on any change of capacity_provider_strategy;
  # with it, generation 2's new weight is an UpdateService (a new deployment), as on AWS.
  force_new_deployment = true

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = local.updated ? 3 : 1
  }

  network_configuration {
    subnets          = data.aws_subnets.default.ids
    security_groups  = [data.aws_security_group.default.id]
    assign_public_ip = true
  }

  # The strategy names providers that must be associated with the cluster first (and, on destroy,
  # stay associated until the service is gone).
  depends_on = [aws_ecs_cluster_capacity_providers.extra]
}
