# One application load balancer in front of both web services: the listener forwards to auth by
# default and /random* to random (seed 001).
resource "aws_lb" "this" {
  name               = var.name
  load_balancer_type = "application"
  internal           = false
  subnets            = data.aws_subnets.default.ids
  security_groups    = [data.aws_security_group.default.id]

  tags = {
    stack = var.name
  }
}

resource "aws_lb_target_group" "web" {
  for_each = toset(["auth", "random"])

  name                 = "${var.name}-${each.key}"
  port                 = 80
  protocol             = "HTTP"
  target_type          = "instance"
  vpc_id               = data.aws_vpc.default.id
  deregistration_delay = 5

  health_check {
    path                = "/health"
    port                = "traffic-port"
    protocol            = "HTTP"
    matcher             = "200"
    interval            = 5
    timeout             = 3
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }

  tags = {
    stack   = var.name
    service = each.key
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = var.listener_port
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web["auth"].arn
  }
}

resource "aws_lb_listener_rule" "random" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 10

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web["random"].arn
  }

  condition {
    path_pattern {
      values = ["/random*"]
    }
  }
}

output "load_balancer_dns_name" {
  value = aws_lb.this.dns_name
}

output "listener_url" {
  value = "http://127.0.0.1:${var.listener_port}"
}
