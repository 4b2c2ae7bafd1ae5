# The one container of the stack's awsvpc task definitions (EC2 here, FARGATE in fargate.tf): in
# awsvpc mode the host port is the container port.
locals {
  awsvpc_web_containers = jsonencode([
    {
      name      = "web"
      image     = var.web_image
      essential = true
      portMappings = [
        { containerPort = 80, hostPort = 80, protocol = "tcp" }
      ]
    }
  ])
}

# An awsvpc task definition, as a team's own ECS module writes one for EC2 (ecs.capability.task-eni
# in requiresAttributes), run by a service with network_configuration behind an ip target group:
# each task gets its own interface in one of the default subnets.
resource "aws_ecs_task_definition" "awsvpc" {
  family                   = "${var.name}-awsvpc"
  requires_compatibilities = ["EC2"]
  network_mode             = "awsvpc"
  cpu                      = "128"
  memory                   = "128"

  container_definitions = local.awsvpc_web_containers
}

resource "aws_lb_target_group" "vpc" {
  name                 = "${var.name}-vpc"
  port                 = 80
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = data.aws_vpc.default.id
  deregistration_delay = 5

  health_check {
    path                = "/health"
    interval            = 5
    timeout             = 3
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }
}

resource "aws_lb_listener_rule" "vpc" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 15

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.vpc.arn
  }

  condition {
    path_pattern {
      values = ["/vpc*"]
    }
  }
}

resource "aws_ecs_service" "vpc" {
  name                  = "${var.name}-vpc"
  cluster               = data.aws_ecs_cluster.default.arn
  task_definition       = aws_ecs_task_definition.awsvpc.arn
  desired_count         = 1
  launch_type           = "EC2"
  wait_for_steady_state = true

  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  network_configuration {
    subnets          = data.aws_subnets.default.ids
    security_groups  = [data.aws_security_group.default.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.vpc.arn
    container_name   = "web"
    container_port   = 80
  }

  depends_on = [aws_lb_listener_rule.vpc]
}

# Secrets from SSM Parameter Store and Secrets Manager, and private registry credentials: both
# need the task execution role. Registered, never run: Wharf's agent offers neither
# ecs.capability.secrets.* nor the private registry capability, so placement refuses the task
# (ATTRIBUTE), as ECS does on an instance whose agent lacks them.
resource "aws_ecs_task_definition" "secrets" {
  family             = "${var.name}-secrets"
  network_mode       = "bridge"
  memory             = "64"
  execution_role_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/${var.name}-execution"

  container_definitions = jsonencode([
    {
      name      = "app"
      image     = var.busybox_image
      essential = true
      command   = ["sh", "-c", "echo started; sleep 300"]
      secrets = [
        { name = "DB_PASSWORD", valueFrom = "arn:aws:ssm:us-east-1:${data.aws_caller_identity.current.account_id}:parameter/${var.name}/db-password" },
        { name = "API_KEY", valueFrom = "arn:aws:secretsmanager:us-east-1:${data.aws_caller_identity.current.account_id}:secret:${var.name}/api-key-AbCdEf" }
      ]
      repositoryCredentials = {
        credentialsParameter = "arn:aws:secretsmanager:us-east-1:${data.aws_caller_identity.current.account_id}:secret:${var.name}/registry-XyZ123"
      }
    }
  ])
}
