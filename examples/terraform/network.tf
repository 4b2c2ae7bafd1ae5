# Wharf's one network, as EC2 ids: the default VPC, a subnet per availability zone of its hosts
# and the VPC's default security group. Looked up the way a configuration written for AWS does.
data "aws_caller_identity" "current" {}

data "aws_vpc" "default" {
  default = true
}

data "aws_subnets" "default" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.default.id]
  }
}

data "aws_security_group" "default" {
  vpc_id = data.aws_vpc.default.id
  name   = "default"
}

output "account_id" {
  value = data.aws_caller_identity.current.account_id
}
