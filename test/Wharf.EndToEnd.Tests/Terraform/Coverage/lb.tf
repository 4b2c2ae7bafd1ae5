resource "aws_lb" "this" {
  name               = var.name
  load_balancer_type = "application"
  subnets            = data.aws_subnets.default.ids
  security_groups    = [data.aws_security_group.default.id]
  idle_timeout       = local.updated ? 120 : 60
  tags               = local.updated ? { generation = "2" } : null
}

# blue is the service's; green holds one IP target attached by Terraform.
resource "aws_lb_target_group" "blue" {
  name                 = "${var.name}-blue"
  port                 = 80
  protocol             = "HTTP"
  vpc_id               = data.aws_vpc.default.id
  deregistration_delay = local.updated ? 10 : 5

  health_check {
    path                = "/health"
    interval            = local.updated ? 6 : 5
    timeout             = 3
    healthy_threshold   = local.updated ? 3 : 2
    unhealthy_threshold = 2
    matcher             = local.updated ? "200-299" : "200"
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
    cookie_duration = local.updated ? 7200 : 3600
    enabled         = local.updated
  }

  tags = local.updated ? { generation = "2" } : null
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
      message_body = local.updated ? "no route (2)" : "no route"
      status_code  = local.updated ? "503" : "404"
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
      values = local.updated ? ["/app*", "/v2/app*"] : ["/app*"]
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
      query       = local.updated ? "from=old2" : "from=old"
      status_code = local.updated ? "HTTP_302" : "HTTP_301"
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
      message_body = local.updated ? "{\"ok\":2}" : "{\"ok\":true}"
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
      values = local.updated ? ["127.0.0.0/8", "10.0.0.0/8", "192.168.0.0/16"] : ["127.0.0.0/8", "10.0.0.0/8"]
    }
  }
}
