# The three ECS services: auth (2 tasks) and random (4 tasks) behind the load balancer, and the
# backend registered in Cloud Map. apply returns once each has reached a steady state.
resource "aws_ecs_service" "web" {
  for_each = { auth = 2, random = 4 }

  name            = each.key
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.web[each.key].arn
  desired_count   = each.value
  launch_type     = "EC2"

  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 10

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web[each.key].arn
    container_name   = each.key
    container_port   = 80
  }

  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }

  wait_for_steady_state = true

  tags = {
    stack = var.name
  }

  # The listener (and with it the rule's target group) must exist before ECS registers targets.
  depends_on = [aws_lb_listener.http, aws_lb_listener_rule.random]
}

resource "aws_ecs_service" "redis" {
  name            = "redis"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.redis.arn
  desired_count   = 1
  launch_type     = "EC2"

  service_registries {
    registry_arn   = aws_service_discovery_service.redis.arn
    container_name = "redis"
    container_port = 80
  }

  wait_for_steady_state = true

  tags = {
    stack = var.name
  }
}
