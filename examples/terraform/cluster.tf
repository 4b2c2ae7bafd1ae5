# The cluster and the task definitions of the stack's three services.
resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  tags = {
    stack = var.name
  }
}

# The two web services of the two-services tutorial (seed 001): auth and random, each a
# wharf/web container on a dynamic host port (hostPort 0) that the load balancer reaches.
resource "aws_ecs_task_definition" "web" {
  for_each = toset(["auth", "random"])

  family       = "${var.name}-${each.key}"
  network_mode = "bridge"
  cpu          = "256"
  memory       = "128"

  container_definitions = jsonencode([
    {
      name      = each.key
      image     = var.web_image
      essential = true
      cpu       = 128
      memory    = 64
      portMappings = [
        { containerPort = 80, hostPort = 0, protocol = "tcp" }
      ]
      environment = [
        { name = "SERVICE", value = each.key }
      ]
      healthCheck = {
        command  = ["CMD-SHELL", "wget -q -O- http://localhost/health || exit 1"]
        interval = 10
        timeout  = 5
        retries  = 3
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          # The group of logs.tf, by reference: the task definitions (and with them the services)
          # are created after it and destroyed before it, so no container writes to a missing group.
          awslogs-group         = aws_cloudwatch_log_group.app.name
          awslogs-region        = var.region
          awslogs-stream-prefix = each.key
        }
      }
    }
  ])

  tags = {
    stack   = var.name
    service = each.key
  }
}

# The backend of the booking app (seed 003), found by its Cloud Map name.
resource "aws_ecs_task_definition" "redis" {
  family       = "${var.name}-redis"
  network_mode = "bridge"
  memory       = "64"

  container_definitions = jsonencode([
    {
      name      = "redis"
      image     = var.web_image
      essential = true
      portMappings = [
        { containerPort = 80, hostPort = 0, protocol = "tcp" }
      ]
      environment = [
        { name = "SERVICE", value = "redis" }
      ]
    }
  ])
}

output "cluster_arn" {
  value = aws_ecs_cluster.this.arn
}
