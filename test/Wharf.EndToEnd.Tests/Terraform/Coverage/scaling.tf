resource "aws_appautoscaling_target" "app" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${data.aws_ecs_cluster.default.cluster_name}/${aws_ecs_service.app.name}"
  min_capacity       = local.updated ? 2 : 1
  max_capacity       = local.updated ? 4 : 3
}

resource "aws_appautoscaling_policy" "step_out" {
  name               = "${var.name}-step-out"
  policy_type        = "StepScaling"
  service_namespace  = aws_appautoscaling_target.app.service_namespace
  scalable_dimension = aws_appautoscaling_target.app.scalable_dimension
  resource_id        = aws_appautoscaling_target.app.resource_id

  step_scaling_policy_configuration {
    adjustment_type         = "ChangeInCapacity"
    cooldown                = local.updated ? 120 : 60
    metric_aggregation_type = "Average"

    step_adjustment {
      metric_interval_lower_bound = 0
      metric_interval_upper_bound = 20
      scaling_adjustment          = local.updated ? 2 : 1
    }

    step_adjustment {
      metric_interval_lower_bound = 20
      scaling_adjustment          = local.updated ? 3 : 2
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "cpu_high" {
  alarm_name          = "${var.name}-cpu-high"
  alarm_description   = "Scale the app service out on CPU"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = local.updated ? 3 : 2
  metric_name         = "CPUUtilization"
  namespace           = "AWS/ECS"
  period              = 60
  statistic           = "Average"
  threshold           = local.updated ? 75 : 80
  alarm_actions       = [aws_appautoscaling_policy.step_out.arn]

  dimensions = {
    ClusterName = data.aws_ecs_cluster.default.cluster_name
    ServiceName = aws_ecs_service.app.name
  }
}

resource "aws_appautoscaling_scheduled_action" "nightly" {
  name               = "${var.name}-nightly"
  service_namespace  = aws_appautoscaling_target.app.service_namespace
  resource_id        = aws_appautoscaling_target.app.resource_id
  scalable_dimension = aws_appautoscaling_target.app.scalable_dimension
  schedule           = local.updated ? "cron(0 3 * * ? *)" : "cron(0 2 * * ? *)"
  timezone           = "Etc/UTC"

  scalable_target_action {
    min_capacity = local.updated ? 2 : 1
    max_capacity = local.updated ? 3 : 2
  }
}

# An alarm with no actions: only its state is of interest.
resource "aws_cloudwatch_metric_alarm" "unhealthy_hosts" {
  alarm_name          = "${var.name}-unhealthy-hosts"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  metric_name         = "UnHealthyHostCount"
  namespace           = "AWS/ApplicationELB"
  period              = 60
  statistic           = "Maximum"
  threshold           = local.updated ? 1 : 0
  treat_missing_data  = "notBreaching"

  dimensions = {
    LoadBalancer = aws_lb.this.arn_suffix
    TargetGroup  = aws_lb_target_group.blue.arn_suffix
  }

  tags = merge({ stack = var.name }, local.updated ? { generation = "2" } : {})
}
