resource "aws_lb" "this" {
  name               = var.name
  load_balancer_type = "application"
  subnets            = data.aws_subnets.default.ids
  security_groups    = [data.aws_security_group.default.id]
}

# blue is the service's; green holds one IP target attached by Terraform.
resource "aws_lb_target_group" "blue" {
  name                 = "${var.name}-blue"
  port                 = 80
  protocol             = "HTTP"
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

resource "aws_lb_target_group" "green" {
  name        = "${var.name}-green"
  port        = 80
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = data.aws_vpc.default.id

  stickiness {
    type            = "lb_cookie"
    cookie_duration = 3600
    enabled         = false
  }
}

resource "aws_lb_target_group_attachment" "green" {
  target_group_arn = aws_lb_target_group.green.arn
  target_id        = cidrhost(data.aws_subnet.first.cidr_block, 200)
  port             = 8080
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = var.listener_port
  protocol          = "HTTP"

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "no route"
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener_rule" "weighted" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 10

  action {
    type = "forward"

    forward {
      target_group {
        arn    = aws_lb_target_group.blue.arn
        weight = 100
      }

      target_group {
        arn    = aws_lb_target_group.green.arn
        weight = 0
      }

      stickiness {
        enabled  = false
        duration = 1
      }
    }
  }

  condition {
    host_header {
      values = ["app.example.com", "*.app.example.com"]
    }
  }

  condition {
    path_pattern {
      values = ["/app*"]
    }
  }
}

resource "aws_lb_listener_rule" "redirect" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 20

  action {
    type = "redirect"

    redirect {
      host        = "new.example.com"
      path        = "/#{path}"
      port        = "443"
      protocol    = "HTTPS"
      query       = "from=old"
      status_code = "HTTP_301"
    }
  }

  condition {
    http_header {
      http_header_name = "X-Old-Client"
      values           = ["yes"]
    }
  }

  condition {
    query_string {
      key   = "legacy"
      value = "1"
    }

    query_string {
      value = "old"
    }
  }
}

resource "aws_lb_listener_rule" "fixed" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 30

  action {
    type = "fixed-response"

    fixed_response {
      content_type = "application/json"
      message_body = "{\"ok\":true}"
      status_code  = "200"
    }
  }

  condition {
    http_request_method {
      values = ["GET", "HEAD"]
    }
  }

  condition {
    source_ip {
      values = ["127.0.0.0/8", "10.0.0.0/8"]
    }
  }
}
