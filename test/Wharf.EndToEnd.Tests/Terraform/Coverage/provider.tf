provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAWHARF0LOCAL0KEY0"
  secret_key = "wharf-local-secret-access-key-0000000000"

  endpoints {
    applicationautoscaling = var.wharf_endpoint
    cloudwatch             = var.wharf_endpoint
    cloudwatchlogs         = var.wharf_endpoint
    ec2                    = var.wharf_endpoint
    ecs                    = var.wharf_endpoint
    elbv2                  = var.wharf_endpoint
    servicediscovery       = var.wharf_endpoint
    sts                    = var.wharf_endpoint
  }
}

variable "wharf_endpoint" {
  type    = string
  default = "http://127.0.0.1:4566"
}

variable "name" {
  description = "Prefix of every resource's name."
  type        = string
  default     = "tfcov"
}

variable "listener_port" {
  type    = number
  default = 8089
}

variable "web_image" {
  type    = string
  default = "wharf/web:1.0"
}

variable "busybox_image" {
  type    = string
  default = "wharf/busybox:1.0"
}

# 1 on create; the test applies 2 to change, in place, what the provider updates in place.
variable "generation" {
  type    = number
  default = 1
}

locals {
  updated = var.generation >= 2
}
