# Every data source of issue 8's scope, each feeding an output so it is really read.
data "aws_caller_identity" "current" {}

data "aws_vpc" "default" {
  default = true
}

data "aws_vpcs" "all" {}

data "aws_subnets" "default" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.default.id]
  }
}

data "aws_subnet" "first" {
  id = sort(data.aws_subnets.default.ids)[0]
}

data "aws_security_group" "default" {
  vpc_id = data.aws_vpc.default.id
  name   = "default"
}

# The cluster wharf up's agent joins: the services below need its container instance.
data "aws_ecs_cluster" "default" {
  cluster_name = "default"
}

data "aws_ecs_service" "app" {
  service_name = aws_ecs_service.app.name
  cluster_arn  = data.aws_ecs_cluster.default.arn
}

data "aws_ecs_task_definition" "app" {
  task_definition = aws_ecs_task_definition.app.family
}

data "aws_ecs_container_definition" "web" {
  task_definition = aws_ecs_task_definition.app.arn
  container_name  = "web"
}

data "aws_lb" "this" {
  arn = aws_lb.this.arn
}

data "aws_lb_target_group" "blue" {
  name = aws_lb_target_group.blue.name
}

data "aws_lb_listener" "http" {
  arn = aws_lb_listener.http.arn
}

output "account_id" {
  value = data.aws_caller_identity.current.account_id
}

output "vpc_cidr" {
  value = data.aws_vpc.default.cidr_block
}

output "vpc_ids" {
  value = data.aws_vpcs.all.ids
}

output "subnet_count" {
  value = length(data.aws_subnets.default.ids)
}

output "subnet_cidr" {
  value = data.aws_subnet.first.cidr_block
}

output "security_group_id" {
  value = data.aws_security_group.default.id
}

output "cluster_status" {
  value = data.aws_ecs_cluster.default.status
}

output "service_desired_count" {
  value = data.aws_ecs_service.app.desired_count
}

output "task_definition_revision" {
  value = data.aws_ecs_task_definition.app.revision
}

output "web_image" {
  value = data.aws_ecs_container_definition.web.image
}

output "web_docker_labels" {
  value = data.aws_ecs_container_definition.web.docker_labels
}

output "lb_dns_name" {
  value = data.aws_lb.this.dns_name
}

output "target_group_port" {
  value = data.aws_lb_target_group.blue.port
}

output "listener_port" {
  value = data.aws_lb_listener.http.port
}
