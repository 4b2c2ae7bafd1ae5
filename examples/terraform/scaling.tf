# CPU target tracking on the random service (seed 001): 1 to 6 tasks, around 50 % CPU.
resource "aws_appautoscaling_target" "random" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.web["random"].name}"
  min_capacity       = 1
  max_capacity       = 6
}

resource "aws_appautoscaling_policy" "random_cpu" {
  name               = "${var.name}-random-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.random.service_namespace
  scalable_dimension = aws_appautoscaling_target.random.scalable_dimension
  resource_id        = aws_appautoscaling_target.random.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = 50
    scale_in_cooldown  = 60
    scale_out_cooldown = 30

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
