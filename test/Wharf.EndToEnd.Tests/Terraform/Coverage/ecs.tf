# A cluster of its own for capacity providers.
resource "aws_ecs_cluster" "extra" {
  name = "${var.name}-extra"

  dynamic "setting" {
    for_each = local.updated ? ["enabled"] : []

    content {
      name  = "containerInsights"
      value = setting.value
    }
  }

  tags = local.updated ? { generation = "2" } : null
}

resource "aws_ecs_cluster_capacity_providers" "extra" {
  cluster_name       = aws_ecs_cluster.extra.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = local.updated ? 2 : 1
    weight            = local.updated ? 60 : 100
  }

  dynamic "default_capacity_provider_strategy" {
    for_each = local.updated ? [40] : []

    content {
      capacity_provider = "FARGATE_SPOT"
      weight            = default_capacity_provider_strategy.value
    }
  }
}

# aws_ecs_tag is for resources made outside Terraform (on a resource Terraform manages with its
# own tags the two fight, on AWS as well): the default cluster wharf up's agent joins.
resource "aws_ecs_tag" "default_owner" {
  resource_arn = data.aws_ecs_cluster.default.arn
  key          = "${var.name}-owner"
  value        = local.updated ? "${var.name}-2" : var.name
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${var.name}"
  retention_in_days = local.updated ? 3 : 1
  tags              = local.updated ? { generation = "2" } : null
}

# A task definition with many of the container fields of issue 2.
resource "aws_ecs_task_definition" "app" {
  family       = "${var.name}-app"
  network_mode = "bridge"
  memory       = "256"

  volume {
    name      = "scratch"
    host_path = "/tmp"
  }

  volume {
    name = "cache"

    docker_volume_configuration {
      scope  = "task"
      driver = "local"
    }
  }

  placement_constraints {
    type       = "memberOf"
    expression = "attribute:ecs.os-type == linux"
  }

  container_definitions = jsonencode([
    {
      name              = "web"
      image             = var.web_image
      essential         = true
      cpu               = 64
      memory            = 96
      memoryReservation = 64
      portMappings = [
        { containerPort = 80, hostPort = 0, protocol = "tcp" }
      ]
      environment = [
        { name = "SERVICE", value = "app" },
        { name = "STACK", value = var.name }
      ]
      healthCheck = {
        command     = ["CMD-SHELL", "wget -q -O- http://localhost/health || exit 1"]
        interval    = 10
        timeout     = 5
        retries     = 3
        startPeriod = 5
      }
      ulimits = [
        { name = "nofile", softLimit = 1024, hardLimit = 2048 }
      ]
      mountPoints = [
        { sourceVolume = "cache", containerPath = "/cache", readOnly = false }
      ]
      dockerLabels = {
        "com.example.stack" = var.name
        "com.example.role"  = "web"
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.app.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "app"
        }
      }
    },
    {
      name             = "sidecar"
      image            = var.busybox_image
      essential        = false
      memory           = 32
      entryPoint       = ["sh", "-c"]
      command          = ["while true; do date > /scratch/${var.name}-tick; sleep 30; done"]
      workingDirectory = "/"
      user             = "0"
      stopTimeout      = 5
      readonlyRootFilesystem = false
      mountPoints = [
        { sourceVolume = "scratch", containerPath = "/scratch", readOnly = false }
      ]
      volumesFrom = [
        { sourceContainer = "web", readOnly = true }
      ]
      dependsOn = [
        { containerName = "web", condition = "START" }
      ]
    }
  ])

  tags = {
    stack = var.name
    kind  = "coverage"
  }
}

resource "aws_ecs_service" "app" {
  name            = "${var.name}-app"
  cluster         = data.aws_ecs_cluster.default.arn
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = local.updated ? 2 : 1
  launch_type     = "EC2"

  deployment_minimum_healthy_percent = local.updated ? 50 : 0
  deployment_maximum_percent         = local.updated ? 150 : 200
  health_check_grace_period_seconds  = local.updated ? 30 : 15
  propagate_tags                     = "SERVICE"
  enable_ecs_managed_tags            = true
  force_new_deployment               = true

  triggers = {
    redeploy = "1"
  }

  deployment_controller {
    type = "ECS"
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  # Generation 2 swaps the two (UpdateService takes a new placement strategy).
  dynamic "ordered_placement_strategy" {
    for_each = local.updated ? [["binpack", "memory"], ["spread", "attribute:ecs.availability-zone"]] : [["spread", "attribute:ecs.availability-zone"], ["binpack", "memory"]]

    content {
      type  = ordered_placement_strategy.value[0]
      field = ordered_placement_strategy.value[1]
    }
  }

  placement_constraints {
    type       = "memberOf"
    expression = "attribute:ecs.os-type == linux"
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = "web"
    container_port   = 80
  }

  wait_for_steady_state = true

  tags = merge({ stack = var.name }, local.updated ? { generation = "2" } : {})

  depends_on = [aws_lb_listener_rule.weighted]
}
