variable "wharf_endpoint" {
  description = "Wharf's API URL (WHARF_PORT, default 4566)."
  type        = string
  default     = "http://127.0.0.1:4566"
}

variable "region" {
  description = "Wharf's region (WHARF_REGION)."
  type        = string
  default     = "us-east-1"
}

variable "access_key" {
  description = "A key Wharf accepts; wharf up prints its local key pair at start."
  type        = string
  default     = "AKIAWHARF0LOCAL0KEY0"
}

variable "secret_key" {
  type      = string
  default   = "wharf-local-secret-access-key-0000000000"
  sensitive = true
}

variable "name" {
  description = "Prefix of every resource's name, so two stacks can share one Wharf."
  type        = string
  default     = "tfdemo"
}

variable "listener_port" {
  description = "Host port the load balancer's listener binds."
  type        = number
  default     = 8088
}

variable "web_image" {
  description = "Image of the services (built locally by samples/images/build.sh; wharf/web:2.0 is a second version to roll to)."
  type        = string
  default     = "wharf/web:1.0"
}

variable "namespace" {
  description = "The Cloud Map private DNS namespace of the backend's name."
  type        = string
  default     = "internal-bookingapp.com"
}
