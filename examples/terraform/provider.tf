# Every AWS API the stack uses is served by Wharf on one URL, signed with Wharf's local key pair.
# No skip_* settings: STS GetCallerIdentity answers with Wharf's account.
provider "aws" {
  region     = var.region
  access_key = var.access_key
  secret_key = var.secret_key

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
