# An awsvpc task definition, as a team's own ECS module writes one for EC2. Wharf registers it as
# ECS does (ecs.capability.task-eni in requiresAttributes) but does not run awsvpc tasks: CreateService
# and RunTask refuse the awsvpc network mode, so no service with network_configuration runs it here.
resource "aws_ecs_task_definition" "awsvpc" {
  family                   = "${var.name}-awsvpc"
  requires_compatibilities = ["EC2"]
  network_mode             = "awsvpc"
  cpu                      = "128"
  memory                   = "128"

  container_definitions = jsonencode([
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
