# The awslogs group the containers of cluster.tf write to.
resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${var.name}"
  retention_in_days = 7

  tags = {
    stack = var.name
  }
}
